// The React layer joins this entry with the hooks; until then it carries the model and client.
export * from './client/index.js'
