// The classes feature's public surface for other features: light hooks and helpers only,
// so importing it does not pull the class list (a table) into another route's chunk.
// The app composes the ClassList component into the school page (app/pages/school-page.tsx).
export { useClasses } from './api/list-classes';
export { useClassLabel, gradesOfKind } from './components/class-label';
