/**
 * Lexicons for `guardrail/under-18`: content the API refuses because output must suit under-18
 * audiences. Each entry is a regular expression (whole words, case-insensitive), a category and
 * a sureness: `sure` entries are errors, `maybe` entries (often innocent: "a bloody nose", "a
 * dead body in a crime drama") are warnings. Profanity comes from `obscenity` (see content.ts).
 */
export type Category = 'sexual' | 'nudity' | 'violence' | 'self-harm' | 'drugs' | 'profanity';

export const LEXICON: ReadonlyArray<[pattern: string, category: Category, sure: boolean]> = [
  // Sexual content.
  ["(?:have|has|having|had) sex", 'sexual', true],
  ['sex (?:scene|act|tape|toy|toys|worker|workers|club)s?', 'sexual', true],
  ['sexual(?:ly)? (?:intercourse|act|acts|activity|content|assault|abuse|explicit|suggestive|position)', 'sexual', true],
  ['intercourse', 'sexual', true],
  ['porn(?:o|ographic|ography)?', 'sexual', true],
  ['erotic(?:a|ally)?', 'sexual', true],
  ['orgasm(?:s|ic|ing)?', 'sexual', true],
  ['masturbat(?:e|es|ing|ion)', 'sexual', true],
  ['orgy|orgies', 'sexual', true],
  ['fetish(?:es|istic)?', 'sexual', true],
  ['bdsm|bondage', 'sexual', true],
  ['nsfw|x-rated|xxx', 'sexual', true],
  ['genitals?|genitalia|penis|vagina|vulva|testicles', 'sexual', true],
  ['strip ?tease|striptease|stripper|strippers|strip club|lap dance|pole dancer', 'sexual', true],
  ['prostitut(?:e|es|ion)|hooker|escort service', 'sexual', true],
  ['rape[sd]?|raping|rapist|molest(?:s|ed|ing|ation|er)?|grop(?:e|es|ed|ing)', 'sexual', true],
  ['making love|makes love|make love|lovemaking|foreplay|groping|fondl(?:e|es|ed|ing)', 'sexual', true],
  ['seductive(?:ly)?|seduc(?:e|es|ing|tion)', 'sexual', false],
  ['sexy|sensual(?:ly)?|provocative(?:ly)?|lustful|aroused', 'sexual', false],
  ['lingerie|thong|g-string|negligee', 'sexual', false],
  ["(?<!chicken |duck |turkey |chicken-)breasts?|cleavage|buttocks|crotch", 'sexual', false],
  ['undress(?:es|ed|ing)?|disrob(?:e|es|ed|ing)|(?:takes|taking|took) off (?:her|his|their) (?:clothes|bra|underwear|panties)|removes (?:her|his) (?:bra|underwear|panties)', 'sexual', true],
  ["(?:tears?|tearing|tore|rips?|ripping|ripped|pulls?|pulling|pulled) off (?:each other's|each other’s|one another's|her|his|their) clothes", 'sexual', true],
  ['bodies entwined|in bed together|under the sheets', 'sexual', false],
  // Nudity.
  ['naked|nude|nudity|nudist|in the nude|unclothed|topless|bottomless|full frontal|skinny[- ]dipping', 'nudity', true],
  ['bare[- ]breasted|bare[- ]chested woman|exposed (?:breasts|nipples|genitals)|nipples?', 'nudity', true],
  // Graphic violence and gore.
  ['gore|gory|gruesome|grisly', 'violence', true],
  ['blood (?:spatter|splatter|sprays?|spurts?|gushes|pours|everywhere|bath)|bloodbath|spray of blood|pool of blood|pools of blood|covered in blood|soaked in blood|blood-soaked|drenched in blood|bloody pulp', 'violence', true],
  ['decapitat(?:e|es|ed|ing|ion)|behead(?:s|ed|ing)?|beheading|severed (?:head|heads|limb|limbs|arm|leg|hand|finger|fingers)', 'violence', true],
  ['dismember(?:s|ed|ing|ment)?|disembowel(?:s|ed|led|ing|ment)?|eviscerat(?:e|es|ed|ing|ion)|entrails|intestines spill|guts spill(?:ing)?|spilling guts', 'violence', true],
  ['mutilat(?:e|es|ed|ing|ion)|tortur(?:e|es|ed|ing)|flay(?:s|ed|ing)|impal(?:e|es|ed|ing)', 'violence', true],
  ['massacre[sd]?|slaughter(?:s|ed|ing)? (?:the )?(?:villagers|people|civilians|children|crowd|family)|mass shooting|school shooting|genocide', 'violence', true],
  ['(?:shoots?|shot|stabs?|stabbed|stabbing) (?:him|her|them|the \\w+) (?:in the (?:head|face|throat|eye)|repeatedly|to death)|execution[- ]style|blows? (?:his|her|their) brains out|brains? (?:splatter|spill)', 'violence', true],
  ['skull (?:into|smashed|crushed|caved)|smashing (?:a |his |her |the )?(?:man\'s |woman\'s )?skull|crushes (?:his|her) skull', 'violence', true],
  ['chainsaw (?:rips|tears|cuts) through|rips? (?:out )?(?:his|her|their) (?:heart|throat|eyes)|tears? out (?:his|her|their|the \\w+(?:\'s)?) (?:heart|throat|entrails|eyes)', 'violence', true],
  ['corpse|corpses|dead body|dead bodies|murder(?:s|ed|ing)?(?! of crows)|kill(?:s|ed|ing)? (?:him|her|them)|strangl(?:e|es|ed|ing)|bleeding out|bloodied|bloody', 'violence', false],
  // Self-harm and suicide.
  ['suicid(?:e|al)|self-harm|self harm|self-harming|self-injury', 'self-harm', true],
  ['(?:kills?|killed|killing) (?:himself|herself|themselves|myself)', 'self-harm', true],
  ['(?:slits?|slitting|cuts?|cutting|slashes|slashing) (?:his|her|their|my) (?:wrists?|arms?|thighs?)', 'self-harm', true],
  ['hangs? (?:himself|herself|themselves)|hanged (?:himself|herself|themselves)|hanging (?:himself|herself|themselves)|noose around (?:his|her|their) neck', 'self-harm', true],
  ['overdos(?:e|es|ed|ing)|od\'?s on', 'self-harm', true],
  ['jumps? (?:off|from) (?:the |a )?(?:bridge|roof|building|ledge|cliff) to (?:die|end it)', 'self-harm', true],
  // Drugs.
  ['cocaine|heroin|methamphetamine|crystal meth|meth (?:lab|pipe)|fentanyl|crack (?:pipe|cocaine|den)|smokes? crack|smoking crack|lsd|mdma|ketamine|opium den', 'drugs', true],
  ['snort(?:s|ed|ing)? (?:a line of (?:cocaine|coke)|lines of (?:cocaine|coke)|a line|lines|cocaine|coke|powder)|a line of (?:cocaine|coke)|lines of (?:cocaine|coke)|inject(?:s|ed|ing)? (?:heroin|drugs)|shoot(?:s|ing)? up (?:heroin|drugs)|needle in (?:his|her|their) arm', 'drugs', true],
  ['(?:smokes?|smoking|rolls?|rolling|lights?|lighting) (?:a )?(?:joint|blunt|spliff|bong)|marijuana|cannabis|weed (?:smoke|plant|pipe)|getting high|gets high|stoned|drug deal(?:er|ers|ing)?|drug addict', 'drugs', false],
];

/** Words that make a person in the text a minor. */
export const MINORS = String.raw`child|children|kid|kids|boy|boys|girl|girls|teen|teens|teenage|teenager|teenagers|minor|minors|schoolgirl|schoolgirls|schoolboy|schoolboys|toddler|toddlers|baby|babies|infant|preteen|pre-teen|underage|young girl|young boy|little girl|little boy|(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[- ]year[- ]old|high[- ]school(?:er|ers)?|middle[- ]school(?:er|ers)?|student in (?:her|his) school uniform|school uniform`;
