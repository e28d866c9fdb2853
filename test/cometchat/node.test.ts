import { describeSdkRuntime } from './describeSdkRuntime.js'
import { nodeRuntime } from './nodeRuntime.js'
import { APP_ID } from './sdkServer.js'

describeSdkRuntime('Node', { open: (server) => nodeRuntime(server.host, APP_ID) })
