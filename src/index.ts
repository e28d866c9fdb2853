export * from './react/index.js'
// The client and model too, so an app can import everything it needs from `userkit`.
export * from './client/index.js'
export * from './components/index.js'
