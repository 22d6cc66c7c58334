export const censusKeys = {
  all: ['census-categories'] as const,
  list: () => [...censusKeys.all, 'list'] as const,
};
