/**
 * Copyrighted characters, curated for `guardrail/copyrighted-character`. Each entry:
 * `forms` (|-separated, the first is the display name) ; franchise key ; owner ; how it matches:
 *   u  unique: the name means the character ("Pikachu", "Darth Vader")
 *   a  ambiguous: also a first name or a word ("Elsa", "Ariel"): a warning alone, an error with a
 *      cue from its franchise nearby
 *   k  cue only: a common word ("Storm", "Flash", "Link", "Robin"): reported only with a cue
 * Public-domain characters (Snow White, Cinderella, Sherlock Holmes, Dracula, Zeus, Thor of the
 * myths) are not listed unless a studio's version is named ("Disney's Cinderella" is a cue).
 */
export const CHARACTERS = `
Spider-Man|Spiderman|Spider Man|Peter Parker|Miles Morales;marvel;Marvel / Disney;u
Iron Man|Ironman|Tony Stark;marvel;Marvel / Disney;u
Captain America|Steve Rogers;marvel;Marvel / Disney;u
Hulk|Incredible Hulk|Bruce Banner;marvel;Marvel / Disney;u
Black Widow|Natasha Romanoff;marvel;Marvel / Disney;a
Thanos;marvel;Marvel / Disney;u
Wolverine;marvel;Marvel / Disney;k
Logan Howlett;marvel;Marvel / Disney;u
Deadpool;marvel;Marvel / Disney;u
Doctor Strange|Dr. Strange|Doctor Stephen Strange;marvel;Marvel / Disney;u
Black Panther|T'Challa;marvel;Marvel / Disney;a
Scarlet Witch|Wanda Maximoff;marvel;Marvel / Disney;u
Captain Marvel|Carol Danvers;marvel;Marvel / Disney;u
Groot;marvel;Marvel / Disney;u
Rocket Raccoon;marvel;Marvel / Disney;u
Star-Lord|Star Lord|Peter Quill;marvel;Marvel / Disney;u
Ant-Man|Ant Man;marvel;Marvel / Disney;u
Hawkeye;marvel;Marvel / Disney;u
Venom;marvel;Marvel / Disney;k
Magneto;marvel;Marvel / Disney;u
Professor X|Charles Xavier;marvel;Marvel / Disney;u
Cyclops;marvel;Marvel / Disney;k
Jean Grey;marvel;Marvel / Disney;u
Storm;marvel;Marvel / Disney;k
Ororo Munroe;marvel;Marvel / Disney;u
Mystique;marvel;Marvel / Disney;k
Loki;marvel;Marvel / Disney;k
Thor;marvel;Marvel / Disney;k
Nick Fury;marvel;Marvel / Disney;u
Daredevil;marvel;Marvel / Disney;u
Silver Surfer;marvel;Marvel / Disney;u
Ghost Rider;marvel;Marvel / Disney;u
Moon Knight;marvel;Marvel / Disney;u
Gamora;marvel;Marvel / Disney;u
Batman|Bruce Wayne|Dark Knight;dc;DC / Warner Bros.;u
Superman|Clark Kent|Man of Steel;dc;DC / Warner Bros.;u
Wonder Woman|Diana Prince;dc;DC / Warner Bros.;u
Joker;dc;DC / Warner Bros.;k
Harley Quinn;dc;DC / Warner Bros.;u
Catwoman|Selina Kyle;dc;DC / Warner Bros.;u
Aquaman;dc;DC / Warner Bros.;u
Flash;dc;DC / Warner Bros.;k
Barry Allen;dc;DC / Warner Bros.;u
Green Lantern;dc;DC / Warner Bros.;u
Robin;dc;DC / Warner Bros.;k
Dick Grayson;dc;DC / Warner Bros.;u
Batgirl;dc;DC / Warner Bros.;u
Supergirl;dc;DC / Warner Bros.;u
Poison Ivy;dc;DC / Warner Bros.;a
Bane;dc;DC / Warner Bros.;k
Lex Luthor;dc;DC / Warner Bros.;u
Cyborg;dc;DC / Warner Bros.;k
Shazam;dc;DC / Warner Bros.;u
Darth Vader|Anakin Skywalker;starwars;Lucasfilm / Disney;u
Luke Skywalker;starwars;Lucasfilm / Disney;u
Princess Leia|Leia Organa;starwars;Lucasfilm / Disney;u
Han Solo;starwars;Lucasfilm / Disney;u
Chewbacca|Chewie;starwars;Lucasfilm / Disney;u
Yoda|Baby Yoda|Grogu;starwars;Lucasfilm / Disney;u
R2-D2|R2D2;starwars;Lucasfilm / Disney;u
C-3PO|C3PO;starwars;Lucasfilm / Disney;u
BB-8|BB8;starwars;Lucasfilm / Disney;u
Obi-Wan Kenobi|Obi-Wan|Obi Wan;starwars;Lucasfilm / Disney;u
Kylo Ren;starwars;Lucasfilm / Disney;u
Boba Fett;starwars;Lucasfilm / Disney;u
Mandalorian|Din Djarin;starwars;Lucasfilm / Disney;u
Stormtrooper|Stormtroopers;starwars;Lucasfilm / Disney;u
Emperor Palpatine|Palpatine;starwars;Lucasfilm / Disney;u
Rey Skywalker;starwars;Lucasfilm / Disney;u
Jabba the Hutt;starwars;Lucasfilm / Disney;u
Ewok|Ewoks;starwars;Lucasfilm / Disney;u
Mickey Mouse;disney;Disney;u
Mickey;disney;Disney;a
Minnie Mouse;disney;Disney;u
Donald Duck;disney;Disney;u
Goofy;disney;Disney;k
Pluto;disney;Disney;k
Elsa;frozen;Disney;k
Anna;frozen;Disney;k
Olaf;frozen;Disney;k
Simba;lionking;Disney;u
Mufasa;lionking;Disney;u
Scar;lionking;Disney;k
Timon and Pumbaa|Pumbaa;lionking;Disney;u
Ariel;littlemermaid;Disney;k
Belle;beauty;Disney;k
Moana;moana;Disney;a
Maui;moana;Disney;k
Stitch;lilo;Disney;k
Lilo and Stitch;lilo;Disney;u
Winnie the Pooh|Winnie-the-Pooh|Pooh Bear|Tigger|Eeyore;pooh;Disney;u
Buzz Lightyear;toystory;Pixar / Disney;u
Woody;toystory;Pixar / Disney;k
Lightning McQueen;cars;Pixar / Disney;u
Nemo;nemo;Pixar / Disney;k
Dory;nemo;Pixar / Disney;k
WALL-E|Wall-E;pixar;Pixar / Disney;u
Mike Wazowski;pixar;Pixar / Disney;u
Sulley;pixar;Pixar / Disney;u
Mr. Incredible;pixar;Pixar / Disney;u
Elastigirl;pixar;Pixar / Disney;u
Remy the rat;pixar;Pixar / Disney;u
Bambi;disney;Disney;u
Dumbo;disney;Disney;u
Tinker Bell|Tinkerbell;disney;Disney;u
Maleficent;disney;Disney;u
Cruella de Vil|Cruella;disney;Disney;u
Jack Sparrow|Captain Jack Sparrow;pirates;Disney;u
Shrek;shrek;DreamWorks;u
Donkey from Shrek;shrek;DreamWorks;u
Puss in Boots;shrek;DreamWorks;k
Po the panda|Kung Fu Panda;kungfupanda;DreamWorks;u
Toothless;httyd;DreamWorks;k
Minion|Minions;minions;Illumination;u
Gru;minions;Illumination;k
Harry Potter;potter;Warner Bros. / J.K. Rowling;u
Hermione Granger|Hermione;potter;Warner Bros. / J.K. Rowling;u
Ron Weasley;potter;Warner Bros. / J.K. Rowling;u
Albus Dumbledore|Dumbledore;potter;Warner Bros. / J.K. Rowling;u
Lord Voldemort|Voldemort;potter;Warner Bros. / J.K. Rowling;u
Severus Snape|Snape;potter;Warner Bros. / J.K. Rowling;u
Hagrid;potter;Warner Bros. / J.K. Rowling;u
Draco Malfoy;potter;Warner Bros. / J.K. Rowling;u
Dobby;potter;Warner Bros. / J.K. Rowling;u
Gandalf;tolkien;Middle-earth Enterprises / Tolkien Estate;u
Frodo Baggins|Frodo;tolkien;Middle-earth Enterprises / Tolkien Estate;u
Bilbo Baggins|Bilbo;tolkien;Middle-earth Enterprises / Tolkien Estate;u
Gollum|Sméagol|Smeagol;tolkien;Middle-earth Enterprises / Tolkien Estate;u
Aragorn;tolkien;Middle-earth Enterprises / Tolkien Estate;u
Legolas;tolkien;Middle-earth Enterprises / Tolkien Estate;u
Sauron;tolkien;Middle-earth Enterprises / Tolkien Estate;u
Samwise Gamgee;tolkien;Middle-earth Enterprises / Tolkien Estate;u
Super Mario;mario;Nintendo;u
Mario;mario;Nintendo;k
Luigi;mario;Nintendo;k
Princess Peach;mario;Nintendo;u
Bowser;mario;Nintendo;u
Yoshi;mario;Nintendo;u
Wario;mario;Nintendo;u
Donkey Kong;mario;Nintendo;u
Toad;mario;Nintendo;k
Link;zelda;Nintendo;k
Princess Zelda|Zelda;zelda;Nintendo;a
Ganon|Ganondorf;zelda;Nintendo;u
Kirby;kirby;Nintendo;k
Samus Aran|Samus;metroid;Nintendo;u
Pikachu;pokemon;The Pokémon Company / Nintendo;u
Charizard;pokemon;The Pokémon Company / Nintendo;u
Bulbasaur;pokemon;The Pokémon Company / Nintendo;u
Squirtle;pokemon;The Pokémon Company / Nintendo;u
Charmander;pokemon;The Pokémon Company / Nintendo;u
Jigglypuff;pokemon;The Pokémon Company / Nintendo;u
Eevee;pokemon;The Pokémon Company / Nintendo;u
Mewtwo;pokemon;The Pokémon Company / Nintendo;u
Snorlax;pokemon;The Pokémon Company / Nintendo;u
Gengar;pokemon;The Pokémon Company / Nintendo;u
Lucario;pokemon;The Pokémon Company / Nintendo;u
Psyduck;pokemon;The Pokémon Company / Nintendo;u
Ash Ketchum;pokemon;The Pokémon Company / Nintendo;u
Ash;pokemon;The Pokémon Company / Nintendo;k
Sonic the Hedgehog;sonic;Sega;u
Sonic;sonic;Sega;a
Tails;sonic;Sega;k
Knuckles;sonic;Sega;k
Pac-Man|Pacman;pacman;Bandai Namco;u
Master Chief;halo;Microsoft;u
Lara Croft;tombraider;Crystal Dynamics;u
Kratos;godofwar;Sony;u
Geralt of Rivia|Geralt;witcher;CD Projekt;u
Solid Snake;mgs;Konami;u
Steve from Minecraft|Minecraft Steve;minecraft;Microsoft / Mojang;u
Creeper;minecraft;Microsoft / Mojang;k
Pyramid Head;silenthill;Konami;u
Ezio Auditore;assassins;Ubisoft;u
Cloud Strife;finalfantasy;Square Enix;u
Sephiroth;finalfantasy;Square Enix;u
Chun-Li;streetfighter;Capcom;u
Mega Man;megaman;Capcom;u
Crash Bandicoot;crash;Activision;u
Spyro;spyro;Activision;u
Goku|Son Goku;dragonball;Toei / Shueisha;u
Vegeta;dragonball;Toei / Shueisha;u
Naruto|Naruto Uzumaki;naruto;Shueisha / Pierrot;u
Sasuke|Sasuke Uchiha;naruto;Shueisha / Pierrot;u
Luffy|Monkey D. Luffy;onepiece;Shueisha / Toei;u
Sailor Moon;sailormoon;Kodansha / Toei;u
Totoro|My Neighbor Totoro;ghibli;Studio Ghibli;u
No-Face|Kaonashi;ghibli;Studio Ghibli;u
Kiki's Delivery Service;ghibli;Studio Ghibli;u
Astro Boy;astroboy;Tezuka Productions;u
Doraemon;doraemon;Fujiko Pro;u
Hello Kitty;sanrio;Sanrio;u
Gojo Satoru|Satoru Gojo;jjk;Shueisha;u
Tanjiro Kamado|Tanjiro;demonslayer;Shueisha;u
Eren Yeager;aot;Kodansha;u
Light Yagami;deathnote;Shueisha;u
Ichigo Kurosaki;bleach;Shueisha;u
Homer Simpson;simpsons;20th Century / Disney;u
Bart Simpson;simpsons;20th Century / Disney;u
Marge Simpson;simpsons;20th Century / Disney;u
Lisa Simpson;simpsons;20th Century / Disney;u
Simpsons;simpsons;20th Century / Disney;u
Peter Griffin;familyguy;20th Century / Disney;u
Stewie Griffin;familyguy;20th Century / Disney;u
SpongeBob SquarePants|SpongeBob|Spongebob;spongebob;Nickelodeon / Paramount;u
Patrick Star;spongebob;Nickelodeon / Paramount;u
Squidward;spongebob;Nickelodeon / Paramount;u
Rick Sanchez|Rick and Morty;rickmorty;Adult Swim / Warner Bros.;u
Bugs Bunny;looney;Warner Bros.;u
Daffy Duck;looney;Warner Bros.;u
Tweety|Tweety Bird;looney;Warner Bros.;u
Road Runner;looney;Warner Bros.;k
Wile E. Coyote;looney;Warner Bros.;u
Tom and Jerry;tomjerry;Warner Bros.;u
Scooby-Doo|Scooby Doo;scooby;Warner Bros.;u
Fred Flintstone|Flintstones;flintstones;Warner Bros.;u
Garfield;garfield;Paws Inc. / Paramount;k
Snoopy;peanuts;Peanuts Worldwide;u
Charlie Brown;peanuts;Peanuts Worldwide;u
Peppa Pig;peppa;Hasbro;u
Bluey;bluey;Ludo Studio / BBC;a
Paddington Bear;paddington;Paddington and Company;u
Paddington;paddington;Paddington and Company;k
Thomas the Tank Engine;thomas;Mattel;u
Barbie;barbie;Mattel;u
Ken;barbie;Mattel;k
Optimus Prime;transformers;Hasbro;u
Bumblebee;transformers;Hasbro;k
Megatron;transformers;Hasbro;u
My Little Pony;mlp;Hasbro;u
Kermit the Frog|Kermit;muppets;Disney;u
Miss Piggy;muppets;Disney;u
Elmo;sesame;Sesame Workshop;u
Big Bird;sesame;Sesame Workshop;u
Cookie Monster;sesame;Sesame Workshop;u
Teletubbies|Tinky Winky;teletubbies;WildBrain;u
James Bond|007;bond;Eon Productions / MGM;u
Indiana Jones;indy;Lucasfilm / Disney;u
Terminator;terminator;StudioCanal;a
T-800;terminator;StudioCanal;u
RoboCop;robocop;MGM;u
Freddy Krueger;elmstreet;New Line / Warner Bros.;u
Jason Voorhees;friday13;Horror Inc.;u
Michael Myers;halloween;Compass International;k
Chucky;childsplay;Universal;u
Pennywise;it;Warner Bros.;u
Ghostface;scream;Dimension Films;u
Hannibal Lecter;hannibal;MGM;u
E.T.|E.T. the Extra-Terrestrial;et;Universal;u
Godzilla;godzilla;Toho;u
King Kong;kingkong;Universal;u
Rocky Balboa;rocky;MGM;u
Neo from The Matrix|Agent Smith;matrix;Warner Bros.;u
Willy Wonka;wonka;Roald Dahl Story Company / Netflix;u
Katniss Everdeen;hungergames;Lionsgate;u
Jon Snow;got;HBO / Warner Bros.;u
Daenerys Targaryen|Daenerys;got;HBO / Warner Bros.;u
Walter White|Heisenberg;breakingbad;Sony;k
Eleven from Stranger Things;strangerthings;Netflix;u
Wednesday Addams;addams;Tee and Charles Addams Foundation / MGM;u
Dora the Explorer;dora;Nickelodeon / Paramount;u
Paw Patrol;pawpatrol;Spin Master;u
Smurf|Smurfs;smurfs;IMPS;u
Tintin;tintin;Moulinsart;u
Asterix|Obelix;asterix;Hachette;u
Grinch;seuss;Dr. Seuss Enterprises;u
Cat in the Hat;seuss;Dr. Seuss Enterprises;u
Doctor Who|TARDIS|Dalek|Daleks;doctorwho;BBC;u
`;

/** Words near a name that tie it to its franchise (for the `a` and `k` entries). */
export const FRANCHISE_CUES: Readonly<Record<string, string>> = {
  marvel: 'Marvel|MCU|Avengers?|X-Men|mutants?|S\\.H\\.I\\.E\\.L\\.D\\.|Wakanda|Asgard|Mjolnir|vibranium|Stark Tower|Guardians of the Galaxy|Spider-Verse|Venom symbiote|Sentinels?',
  dc: 'DC|Gotham|Arkham|Batman|Batmobile|Justice League|Metropolis|speedster|Central City|Wayne Manor|Bat-signal|Boy Wonder|Clown Prince|Kryptonite|Krypton|Themyscira|Atlantis',
  starwars: 'Star Wars|Jedi|Sith|lightsabers?|Tatooine|Death Star|Millennium Falcon|the Force|Galactic Empire|Mandalorian',
  disney: 'Disney|Disneyland|Magic Kingdom|Mickey',
  frozen: 'Frozen|Arendelle|ice palace|Disney|Let It Go|snow queen',
  lionking: 'Lion King|Pride Rock|Hakuna Matata|Disney',
  littlemermaid: 'Little Mermaid|mermaid|Sebastian the crab|Flounder|Ursula|Disney',
  beauty: 'Beast|Beauty and the Beast|Disney|Lumière|Gaston',
  moana: 'Moana|Motunui|Disney|demigod',
  lilo: 'Lilo|Experiment 626|Disney|blue alien',
  pooh: 'Hundred Acre Wood|Piglet|honey pot',
  toystory: 'Toy Story|Buzz Lightyear|Andy\'s room|Pixar|cowboy doll|Sheriff Woody|Jessie',
  cars: 'Pixar|Radiator Springs',
  nemo: 'Finding Nemo|Finding Dory|clownfish|blue tang|Pixar|Marlin',
  pixar: 'Pixar|Monsters, Inc\\.?|Incredibles',
  pirates: 'Black Pearl|Pirates of the Caribbean',
  shrek: 'Shrek|Far Far Away|ogre|Donkey',
  kungfupanda: 'Jade Palace|Dragon Warrior|Kung Fu Panda',
  httyd: 'How to Train Your Dragon|Night Fury|Hiccup|Berk',
  minions: 'Minions?|Despicable Me|Gru',
  potter: 'Hogwarts|Gryffindor|Slytherin|Hufflepuff|Ravenclaw|Quidditch|Diagon Alley|Muggles?|Harry Potter|Hedwig|Sorting Hat',
  tolkien: 'Middle-earth|Mordor|the Shire|Hobbits?|Rivendell|the One Ring|Lord of the Rings|Gondor',
  mario: 'Nintendo|Mushroom Kingdom|Super Mario|Luigi|Princess Peach|Bowser|question blocks?|warp pipes?|Yoshi|plumber in a red cap|Mario Kart|power-up mushroom',
  zelda: 'Zelda|Hyrule|Master Sword|Triforce|Ganon|Nintendo|Breath of the Wild|Tears of the Kingdom',
  kirby: 'Nintendo|Dream Land|pink puffball',
  metroid: 'Metroid|Nintendo',
  pokemon: 'Pokémon|Pokemon|Poké Ball|Poke Ball|Pokéball|Pikachu|Ketchum|Team Rocket|Pallet Town|gym badges?',
  sonic: 'Sega|Green Hill|gold rings|Sonic the Hedgehog|Dr\\. Robotnik|Eggman|blue hedgehog|Chaos Emeralds?',
  minecraft: 'Minecraft|Mojang|blocky|pixelated cube world',
  barbie: 'Barbie|Mattel|Dreamhouse',
  transformers: 'Transformers|Autobots?|Decepticons?|Cybertron|Optimus',
  witcher: 'Witcher|Rivia',
  terminator: 'Skynet|T-800|Cyberdyne|Sarah Connor|I\'ll be back',
  halloween: 'Haddonfield|Halloween|white mask|Laurie Strode',
  breakingbad: 'Breaking Bad|Heisenberg|Albuquerque meth|Jesse Pinkman',
  garfield: 'lasagna|Odie|Jon Arbuckle|orange cat',
  bluey: 'Bluey|Bingo|Heeler|blue heeler',
  paddington: 'marmalade|Darkest Peru|Brown family|duffel coat',
  looney: 'Looney Tunes|Acme|Wile E\\. Coyote|Beep beep',
};
