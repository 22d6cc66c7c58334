export const settingsKeys = {
  all: ['settings'] as const,
  centre: () => [...settingsKeys.all, 'centre'] as const,
  retentionPreview: () => [...settingsKeys.all, 'retention-preview'] as const,
};
