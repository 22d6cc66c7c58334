export const settingsKeys = {
  all: ['settings'] as const,
  centre: () => [...settingsKeys.all, 'centre'] as const,
};
