import sharp from 'sharp'

const PALETTES = [
  ['#1d4ed8', '#f59e0b'],
  ['#be185d', '#fde68a'],
  ['#047857', '#a7f3d0'],
  ['#7c3aed', '#f0abfc'],
  ['#b91c1c', '#fdba74'],
  ['#0e7490', '#e0f2fe'],
  ['#4d7c0f', '#fef08a'],
  ['#334155', '#cbd5e1'],
] as const

/**
 * The n-th seeded person's picture, drawn here (a gradient sky, a sun and two hills, in one of
 * eight palettes and positions) and rasterized to a 256 px PNG: what a person would upload. The
 * demo stores it through the real upload endpoint, so nothing of it lives in files.
 */
export async function seedPicture(n: number): Promise<Blob> {
  const [deep, light] = PALETTES[n % PALETTES.length] as readonly [string, string]
  const sunX = 60 + ((n * 37) % 140)
  const hill = 150 + ((n * 23) % 50)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${deep}"/><stop offset="1" stop-color="${light}"/></linearGradient></defs>
    <rect width="256" height="256" fill="url(#sky)"/>
    <circle cx="${sunX}" cy="90" r="34" fill="#fff7ed" opacity="0.9"/>
    <ellipse cx="60" cy="${hill + 70}" rx="150" ry="80" fill="${deep}" opacity="0.75"/>
    <ellipse cx="210" cy="${hill + 90}" rx="140" ry="85" fill="${deep}"/>
  </svg>`
  const png = await sharp(Buffer.from(svg)).png().toBuffer()
  return new Blob([new Uint8Array(png)], { type: 'image/png' })
}
