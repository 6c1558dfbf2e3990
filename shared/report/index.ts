export * from './segmented-report';
