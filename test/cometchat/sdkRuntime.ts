import type * as CometChatModule from '@cometchat/chat-sdk-javascript'

/** The SDK's exports as a runtime holds them: the module in Node, `window` in a browser. */
export type Sdk = typeof CometChatModule

/**
 * Code that runs inside a runtime. It must use only its parameters (no closure, no import): the
 * browser runtime ships its source text into the page.
 */
export type Act<TArgs, TResult> = (sdk: Sdk, args: TArgs) => Promise<TResult>

/** A CometChatException as it crosses back: a plain object. */
export interface SdkError {
  code?: string
  message?: string
  name?: string
  details?: unknown
}

/** What an act gave, as JSON: its value, or what it threw. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: SdkError }

/** Node or a browser, with CometChat's SDK loaded and pointed at our server. */
export interface SdkRuntime {
  run<TArgs, TResult>(act: Act<TArgs, TResult>, args: TArgs): Promise<Outcome<TResult>>
  close(): Promise<void>
}

/** The SDK's init, pointed at `host` (it prefixes `https://` and adds no version of its own). */
export const initSdk: Act<{ appId: string; host: string }, boolean> = async (sdk, { appId, host }) => {
  const settings = new sdk.CometChat.AppSettingsBuilder()
    .setRegion('us')
    .overrideAdminHost(`${host}/v3`)
    .overrideClientHost(`${host}/v3.0`)
    .autoEstablishSocketConnection(false)
    .build()
  return sdk.CometChat.init(appId, settings)
}
