export * from './Avatar/index.js'
