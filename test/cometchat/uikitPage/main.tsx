// A page with CometChat's own React UI Kit, as an app would write it, pointed at a Userkit server.
// The query string says where: ?host=127.0.0.1:8443&appId=…&authKey=…&uid=…
import { CometChatUIKit, CometChatUsers, UIKitSettingsBuilder } from '@cometchat/chat-uikit-react'
import '@cometchat/chat-uikit-react/styles'
import { createRoot } from 'react-dom/client'

const query = new URLSearchParams(location.search)
const host = query.get('host')!
const settings = new UIKitSettingsBuilder()
  .setAppId(query.get('appId')!)
  .setRegion('us')
  .setAuthKey(query.get('authKey')!)
  .setAdminHost(`${host}/v3`)
  .setClientHost(`${host}/v3.0`)
  .subscribePresenceForAllUsers()
  .build()

const selected: string[] = []
Object.assign(window, { selected })

await CometChatUIKit.init(settings)
await CometChatUIKit.login(query.get('uid')!)
createRoot(document.getElementById('root')!).render(
  <div style={{ height: '600px', display: 'flex' }}>
    <CometChatUsers onItemClick={(user) => selected.push(user.getUid())} />
  </div>,
)
