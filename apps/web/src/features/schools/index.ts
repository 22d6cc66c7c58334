// The schools feature's public surface for other features and the app.
export { useSchools } from './api/list-schools';
export { useSchool } from './api/get-school';
export { SchoolSelect } from './components/school-select';
