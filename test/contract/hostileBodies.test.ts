import { describe, expect, it } from 'vitest'
import { expectBadField, expectData, expectError, storeState } from './accessKit.js'
import { BASE, answerOf, describeContract, full, type ContractEnv } from './harness.js'

const LIMIT = 64 * 1024

/** A raw body with the headers a hostile client chooses. */
function send(env: ContractEnv, method: string, path: string, body: BodyInit, headers: Record<string, string>, authToken?: string) {
  return env.handler(
    new Request(`${BASE}${path}`, {
      method,
      headers: { ...(authToken ? { authtoken: authToken } : { apikey: full.apiKey! }), ...headers },
      body,
      duplex: 'half',
    } as RequestInit),
  )
}

/** JSON nesting `metadata` `depth` levels below the body (the body itself being level 1). */
function nestedMetadata(depth: number): string {
  return `{"uid":"deep","name":"Deep","metadata":${'{"a":'.repeat(depth - 1)}1${'}'.repeat(depth - 1)}}`
}

describeContract('hostile bodies', (env) => {
  describe('only JSON is read (415 ERR_UNSUPPORTED_MEDIA_TYPE)', () => {
    it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json', ''])(
      'refuses a body sent as %j before reading it or touching the store',
      async (type) => {
        await env().createUser({ uid: 'ada' })
        const token = await env().tokenFor('ada')
        const before = await storeState(env().store, [token])
        const body = JSON.stringify({ uid: 'newbie', name: 'Newbie' })
        const headers: Record<string, string> = type === '' ? {} : { 'content-type': type }
        for (const [method, path, authToken] of [
          ['POST', '/v3/users'],
          ['PUT', '/v3/users/ada'],
          ['PUT', '/v3.0/me', token],
          ['DELETE', '/v3.0/blockedusers', token],
        ] as const) {
          const request = new Request(`${BASE}${path}`, {
            method,
            headers: { ...(authToken ? { authtoken: authToken } : { apikey: full.apiKey! }), ...headers },
            body: new Blob([body], type === '' ? {} : { type }),
          })
          // A Blob with no type leaves the header out: a body must still say it is JSON.
          if (type === '') request.headers.delete('content-type')
          const answer = await answerOf(await env().handler(request))
          expectError(answer, 415, 'ERR_UNSUPPORTED_MEDIA_TYPE')
          expect(answer.body.error.message).toMatch(/application\/json/)
        }
        expect(await storeState(env().store, [token])).toEqual(before)
      },
    )

    it('accepts application/json with parameters, in any case, and an empty body of any type', async () => {
      const created = await send(env(), 'POST', '/v3/users', JSON.stringify({ uid: 'ada', name: 'Ada' }), {
        'content-type': 'Application/JSON; charset=utf-8',
      })
      expect(expectData(await answerOf(created)).uid).toBe('ada')
      const token = await env().tokenFor('ada')
      const logout = await env().handler(new Request(`${BASE}/v3.0/me`, { method: 'DELETE', headers: { authtoken: token, 'content-type': 'text/plain' } }))
      expect(expectData(await answerOf(logout))).toMatchObject({ success: true })
    })
  })

  describe('the size limit counts the bytes read, not the bytes declared', () => {
    it('answers 413 for a 10 MB body that declares 10 bytes, having read only a little past the limit', async () => {
      let pulled = 0
      const chunk = new TextEncoder().encode(`{"uid":"big","name":"Big","pad":"${'x'.repeat(1024)}`)
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 10 * 1024 * 1024) return controller.close()
          pulled += chunk.length
          controller.enqueue(chunk)
        },
      })
      const answer = await answerOf(await send(env(), 'POST', '/v3/users', stream, { 'content-type': 'application/json', 'content-length': '10' }))
      expectError(answer, 413, 'ERR_PAYLOAD_TOO_LARGE')
      expect(pulled).toBeLessThanOrEqual(LIMIT + 2 * chunk.length)
      expect(await env().store.getUser('big')).toBeNull()
    })
  })

  describe('depth (at most 32 levels of JSON, the body being the first)', () => {
    it('answers 400 naming the field for metadata nested thousands of levels deep, in a body under the size limit', async () => {
      const text = nestedMetadata(5000)
      expect(text.length).toBeLessThan(LIMIT)
      const answer = await answerOf(await send(env(), 'POST', '/v3/users', text, { 'content-type': 'application/json' }))
      expectBadField(answer, 'metadata')
      expect(answer.body.error.details.metadata[0]).toMatch(/32/)
      expect(await env().store.getUser('deep')).toBeNull()
    })

    it('accepts 32 levels and refuses 33', async () => {
      expectData(await answerOf(await send(env(), 'POST', '/v3/users', nestedMetadata(32), { 'content-type': 'application/json' })))
      await env().client(full).deleteUser('deep')
      expectBadField(await answerOf(await send(env(), 'POST', '/v3/users', nestedMetadata(33), { 'content-type': 'application/json' })), 'metadata')
    })

    it('names the field for deep arrays too, on every surface', async () => {
      await env().createUser({ uid: 'ada' })
      const token = await env().tokenFor('ada')
      const deepTags = `{"tags":${'['.repeat(40)}${']'.repeat(40)}}`
      expectBadField(await answerOf(await send(env(), 'PUT', '/v3.0/me', deepTags, { 'content-type': 'application/json' }, token)), 'tags')
      expectBadField(await answerOf(await send(env(), 'PUT', '/v3/users/ada', deepTags, { 'content-type': 'application/json' })), 'tags')
    })
  })

  describe('UTF-8', () => {
    it('answers 400 naming body for bytes that are not UTF-8, and stores nothing', async () => {
      const head = new TextEncoder().encode('{"uid":"bad","name":"B')
      const tail = new TextEncoder().encode('d"}')
      for (const broken of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
        const bytes = new Uint8Array([...head, ...broken, ...tail])
        const answer = await answerOf(await send(env(), 'POST', '/v3/users', bytes, { 'content-type': 'application/json' }))
        expectBadField(answer, 'body')
        expect(answer.body.error.details.body[0]).toMatch(/UTF-8/)
      }
      expect(await env().store.getUser('bad')).toBeNull()
    })
  })

  describe('uids that name Object.prototype members', () => {
    // uids are stored lowercased, as these are.
    it.each(['__proto__', 'constructor', 'tostring', 'valueof'])('reports %s in per-uid results', async (uid) => {
      await env().createUser({ uid })
      await env().createUser({ uid: 'ada' })
      const token = await env().tokenFor('ada')
      const blocked = await env().call('POST', '/v3.0/blockedusers', { as: { authToken: token }, body: { blockedUids: [uid, 'ghost'] } })
      expect(Object.keys(blocked.body.data).sort()).toEqual([uid, 'ghost'].sort())
      expect(blocked.body.data[uid]).toEqual({ success: true, message: expect.any(String) })
      const deactivated = await env().call('DELETE', '/v3/users', { as: full, body: { uidsToDeactivate: [uid] } })
      expect(Object.keys(deactivated.body.data)).toEqual([uid])
      expect(deactivated.body.data[uid]).toMatchObject({ success: true })
      const reactivated = await env().call('PUT', '/v3/users', { as: full, body: { uidsToActivate: [uid] } })
      expect(Object.keys(reactivated.body.data)).toEqual([uid])
    })
  })

  describe('If-Match compares strongly (RFC 9110)', () => {
    it('a weak tag never matches, even of the current version: 412 and nothing changed', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const etag = (await env().call('GET', '/v3/users/ada', { as: full })).headers.get('etag')!
      const answer = await env().call('PUT', '/v3/users/ada', { as: full, body: { name: 'Changed' }, headers: { 'if-match': `W/${etag}` } })
      expectError(answer, 412, 'ERR_CONFLICT')
      expect((await env().store.getUser('ada'))?.name).toBe('Ada')
      const strong = await env().call('PUT', '/v3/users/ada', { as: full, body: { name: 'Changed' }, headers: { 'if-match': `W/"x", ${etag}` } })
      expect(expectData(strong).name).toBe('Changed')
    })
  })

  describe('text a person cannot see', () => {
    const invisible = ['\u200b\u200b', '\u2060', '\ufeff', '\u202e', '\u3164', '   \u200d  ', '\u0301']

    it.each(invisible)('refuses a name of only %j with 400 naming name', async (name) => {
      expectBadField(await env().call('POST', '/v3/users', { as: full, body: { uid: 'ghost', name } }), 'name')
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const token = await env().tokenFor('ada')
      expectBadField(await env().call('PUT', '/v3.0/me', { as: { authToken: token }, body: { name } }), 'name')
      expect((await env().store.getUser('ada'))?.name).toBe('Ada')
      expect(await env().store.getUser('ghost')).toBeNull()
    })

    it.each(invisible)('refuses a status message of only %j', async (statusMessage) => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const token = await env().tokenFor('ada')
      expectBadField(await env().call('PUT', '/v3.0/me', { as: { authToken: token }, body: { statusMessage } }), 'statusMessage')
    })

    it.each(['\u202eevil', 'Ada\u202dLove', 'x\u2066y\u2069', '\u202aAda\u202c'])('refuses bidi controls in a name (%j)', async (name) => {
      const answer = await env().call('POST', '/v3/users', { as: full, body: { uid: 'spoof', name } })
      expectBadField(answer, 'name')
      expect(answer.body.error.details.name[0]).toMatch(/direction/)
    })

    it('keeps names in every script, with their joiners and marks', async () => {
      for (const [uid, name] of [
        ['fa', 'می\u200cخواهم'],
        ['hi', 'क्षत्रिय'],
        ['em', '👩\u200d💻 Dev'],
        ['ar', 'عبد الله'],
        ['he', 'דוד (David)\u200f'],
      ]) {
        expect(expectData(await env().call('POST', '/v3/users', { as: full, body: { uid, name } })).name).toBe(name)
      }
    })
  })
})
