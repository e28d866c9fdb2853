import { memoryStore } from '../../src/server/store/index.js'
import { describeStore } from './storeSuite.js'

describeStore('memoryStore', () => memoryStore())
