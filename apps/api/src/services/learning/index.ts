export { classStudyDay, schoolStudyDay, townshipStudyRange } from './figures.js';
