// The schools feature's public surface for other features and the app.
export { schoolKeys } from './query-keys';
export { useSchools } from './api/list-schools';
export { useSchool } from './api/get-school';
export { SchoolSelect } from './components/school-select';
