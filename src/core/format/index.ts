export { format, printFile, formatTime, type FormatOptions } from './format.js';
