// The census feature's public surface: the configurable list of census categories (摸排分类).
export { useCensusCategories } from './api/list-census-categories';
export { useCategoryLabel } from './components/category-label';
export { CategoryTag } from './components/category-tag';
export { CategorySelect } from './components/category-select';
export { CensusCategoriesSection } from './components/census-categories-section';
