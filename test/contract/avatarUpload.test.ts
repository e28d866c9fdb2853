import sharp from 'sharp'
import { expect, it } from 'vitest'
import { animatedGif, jpeg, jpegWithGps, png, pngBomb, svgWithScript, webp } from './avatarImages.js'
import { answerOf, BASE, describeContract, full, type Answer, type ContractEnv } from './harness.js'

const hashOf = (avatar: string | undefined): string => /\/v3\.0\/avatars\/([0-9a-f]{64})\.webp$/.exec(avatar ?? '')?.[1] ?? 'none'

async function upload(env: ContractEnv, path: string, bytes: Uint8Array, headers: Record<string, string>): Promise<Answer> {
  return answerOf(await env.handler(new Request(`${BASE}${path}`, { method: 'PUT', headers, body: bytes as Uint8Array<ArrayBuffer> })))
}

async function picture(env: ContractEnv, url: string): Promise<Response> {
  return env.handler(new Request(url))
}

describeContract('avatar uploads', (env) => {
  const setup = async (): Promise<{ token: string }> => {
    await env().createUser({ uid: 'ada', name: 'Ada' })
    await env().createUser({ uid: 'bob', name: 'Bob' })
    return { token: await env().tokenFor('ada') }
  }
  const asAda = (token: string, type = 'image/png'): Record<string, string> => ({ authtoken: token, 'content-type': type })
  const stored = async (uid = 'ada'): Promise<string | undefined> => (await env().client(full).getUser(uid)).avatar

  it.each([
    ['PNG', png],
    ['JPEG', jpeg],
    ['WebP', webp],
    ['GIF (its first frame)', () => animatedGif(3)],
  ])('takes a %s, stores a square WebP of it and serves it at the user avatar', async (_name, make) => {
    const { token } = await setup()
    const answer = await upload(env(), '/v3.0/me/avatar', await make(), asAda(token, 'application/octet-stream'))
    expect(answer.status).toBe(200)
    expect(answer.body.data.avatar).toMatch(/^http:\/\/userkit\.test\/v3\.0\/avatars\/[0-9a-f]{64}\.webp$/)
    expect(answer.headers.get('etag')).toBeTruthy()
    const served = await picture(env(), answer.body.data.avatar)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/webp')
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('etag')).toBe(`"${hashOf(answer.body.data.avatar)}"`)
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata()
    expect([meta.format, meta.width, meta.height, meta.pages ?? 1]).toEqual(['webp', meta.width, meta.width, 1])
    expect(await stored()).toBe(answer.body.data.avatar)
  })

  it('crops a large picture to a centred square of 512 px', async () => {
    const { token } = await setup()
    const answer = await upload(env(), '/v3.0/me/avatar', await png(1600, 900), asAda(token))
    const meta = await sharp(Buffer.from(await (await picture(env(), answer.body.data.avatar)).arrayBuffer())).metadata()
    expect([meta.width, meta.height]).toEqual([512, 512])
  })

  it('drops EXIF and GPS from a JPEG', async () => {
    const { token } = await setup()
    const original = await jpegWithGps()
    expect((await sharp(original).metadata()).exif).toBeDefined()
    const answer = await upload(env(), '/v3.0/me/avatar', original, asAda(token, 'image/jpeg'))
    const bytes = Buffer.from(await (await picture(env(), answer.body.data.avatar)).arrayBuffer())
    const meta = await sharp(bytes).metadata()
    expect([meta.exif, meta.xmp, meta.icc]).toEqual([undefined, undefined, undefined])
    expect(bytes.includes(Buffer.from('Ada Lovelace'))).toBe(false)
  })

  it('decides by the bytes: a PNG sent as image/jpeg (a renamed file) is taken as the PNG it is', async () => {
    const { token } = await setup()
    const answer = await upload(env(), '/v3.0/me/avatar', await png(), asAda(token, 'image/jpeg'))
    expect(answer.status).toBe(200)
  })

  it.each([
    ['an SVG carrying a script', async () => svgWithScript, 'image/svg+xml', 415, 'ERR_UNSUPPORTED_MEDIA_TYPE'],
    ['text claiming to be a PNG', async () => Buffer.from('hello, not a picture'), 'image/png', 415, 'ERR_UNSUPPORTED_MEDIA_TYPE'],
    ['a truncated JPEG', async () => (await jpeg(800, 600)).subarray(0, 400), 'image/jpeg', 400, 'ERR_BAD_REQUEST'],
    ['a file of 6 MB', async () => Buffer.concat([await png(), Buffer.alloc(6 * 1024 * 1024)]), 'image/png', 413, 'ERR_PAYLOAD_TOO_LARGE'],
    ['a decompression bomb of 20,000 × 20,000 px', async () => pngBomb(), 'image/png', 413, 'ERR_PAYLOAD_TOO_LARGE'],
    ['a picture sent as a form would send it', async () => png(), 'text/plain', 415, 'ERR_UNSUPPORTED_MEDIA_TYPE'],
  ])('refuses %s and changes nothing', async (_name, make, type, status, code) => {
    const { token } = await setup()
    const first = await upload(env(), '/v3.0/me/avatar', await png(), asAda(token))
    const before = await stored()
    const answer = await upload(env(), '/v3.0/me/avatar', await make(), asAda(token, type))
    expect([answer.status, answer.body?.error?.code]).toEqual([status, code])
    expect(await stored()).toBe(before)
    expect((await picture(env(), first.body.data.avatar)).status).toBe(200)
    if (env().sql) expect(await env().sql!('SELECT hash FROM userkit_avatars')).toEqual([{ hash: hashOf(before) }])
  })

  it('cuts a large chunked body off while reading it, whatever Content-Length says', async () => {
    const { token } = await setup()
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024
        controller.enqueue(new Uint8Array(1024 * 1024))
        if (sent > 64 * 1024 * 1024) controller.close()
      },
    })
    const response = await env().handler(
      new Request(`${BASE}/v3.0/me/avatar`, { method: 'PUT', headers: asAda(token), body, duplex: 'half' } as RequestInit),
    )
    expect(response.status).toBe(413)
    expect(sent).toBeLessThan(8 * 1024 * 1024)
  })

  it('takes only the first frame of a GIF of many frames', async () => {
    const { token } = await setup()
    const answer = await upload(env(), '/v3.0/me/avatar', await animatedGif(120), asAda(token, 'image/gif'))
    expect(answer.status).toBe(200)
    const meta = await sharp(Buffer.from(await (await picture(env(), answer.body.data.avatar)).arrayBuffer())).metadata()
    expect([meta.pages ?? 1, meta.width, meta.height]).toEqual([1, 24, 24])
  })

  it('removes the old picture once nobody shows it, and keeps one somebody else still shows', async () => {
    const { token } = await setup()
    const shared = (await upload(env(), '/v3.0/me/avatar', await png(), asAda(token))).body.data.avatar
    await env().client(full).updateUser('bob', { avatar: shared })
    await upload(env(), '/v3.0/me/avatar', await jpeg(), asAda(token))
    expect((await picture(env(), shared)).status).toBe(200)
    await env().client(full).updateUser('bob', { avatar: 'https://example.com/bob.png' })
    const last = (await upload(env(), '/v3.0/me/avatar', await webp(30, 30), asAda(token))).body.data.avatar
    // Served once, so the handler holds it in memory: removing it must drop that copy too.
    expect((await picture(env(), last)).status).toBe(200)
    const removed = await answerOf(await env().handler(new Request(`${BASE}/v3.0/me/avatar`, { method: 'DELETE', headers: { authtoken: token } })))
    expect(removed.status).toBe(200)
    expect(removed.body.data.avatar).toBeUndefined()
    expect((await picture(env(), last)).status).toBe(404)
    if (env().sql) expect(await env().sql!('SELECT hash FROM userkit_avatars')).toEqual([])
  })

  it('removes the picture of a user erased for good', async () => {
    const { token } = await setup()
    const url = (await upload(env(), '/v3.0/me/avatar', await png(), asAda(token))).body.data.avatar
    expect((await env().call('DELETE', '/v3/users/ada', { as: full, body: { permanent: true } })).status).toBe(200)
    expect((await picture(env(), url)).status).toBe(404)
  })

  it('lets one of two concurrent uploads win and leaves no picture behind', async () => {
    const { token } = await setup()
    const answers = await Promise.all([png(100, 100), jpeg(90, 90), webp(80, 80), png(70, 70)].map(async (bytes) => upload(env(), '/v3.0/me/avatar', await bytes, asAda(token))))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200])
    const winner = await stored()
    expect(answers.map((answer) => answer.body.data.avatar)).toContain(winner)
    for (const answer of answers) {
      expect((await picture(env(), answer.body.data.avatar)).status).toBe(answer.body.data.avatar === winner ? 200 : 404)
    }
    if (env().sql) expect(await env().sql!('SELECT hash FROM userkit_avatars')).toEqual([{ hash: hashOf(winner) }])
  })

  it('respects If-Match, publishing nothing and keeping no picture on a stale one', async () => {
    const { token } = await setup()
    const read = await env().call('GET', '/v3.0/me', { as: { authToken: token } })
    await env().client(full).updateUser('ada', { name: 'Ada L.' })
    const answer = await upload(env(), '/v3.0/me/avatar', await png(), { ...asAda(token), 'if-match': read.headers.get('etag')! })
    expect([answer.status, answer.body.error.code]).toEqual([412, 'ERR_CONFLICT'])
    expect(await stored()).toBeUndefined()
    if (env().sql) expect(await env().sql!('SELECT hash FROM userkit_avatars')).toEqual([])
  })

  it("lets a backend set and remove anyone's picture, and a manager token too", async () => {
    await setup()
    const rest = await upload(env(), '/v3/users/bob/avatar', await png(), { apikey: full.apiKey!, 'content-type': 'image/png' })
    expect(rest.status).toBe(200)
    expect(await stored('bob')).toBe(rest.body.data.avatar)
    await env().createUser({ uid: 'root', name: 'Root', role: 'admin' })
    const managed = await upload(env(), '/v3.0/users/bob/avatar', await jpeg(), { authtoken: await env().tokenFor('root'), 'content-type': 'image/jpeg' })
    expect(managed.status).toBe(200)
    expect((await picture(env(), rest.body.data.avatar)).status).toBe(404)
    const gone = await answerOf(await env().handler(new Request(`${BASE}/v3/users/bob/avatar`, { method: 'DELETE', headers: { apikey: full.apiKey! } })))
    expect([gone.status, gone.body.data.avatar]).toEqual([200, undefined])
  })

  it('answers 304 to a cache holding the picture, and 404 for one it does not keep', async () => {
    const { token } = await setup()
    const url = (await upload(env(), '/v3.0/me/avatar', await png(), asAda(token))).body.data.avatar
    const again = await env().handler(new Request(url, { headers: { 'if-none-match': `"${hashOf(url)}"` } }))
    expect(again.status).toBe(304)
    expect((await picture(env(), `${BASE}/v3.0/avatars/${'0'.repeat(64)}.webp`)).status).toBe(404)
    expect((await picture(env(), `${BASE}/v3.0/avatars/../me`)).status).toBe(401)
  })
})
