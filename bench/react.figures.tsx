// The React layer's figures, printed by `npm run bench` (jsdom, the real client over the real
// handler): requests for 100 mounted useUser calls, and rows re-rendered by one update.
import { cleanup } from '@testing-library/react'
import { afterEach, it } from 'vitest'
import { measureBatching, measureRowRenders } from '../test/react/figures.js'

afterEach(cleanup)

it('prints the batching and render figures', async () => {
  const { batched, unbatched } = await measureBatching({ components: 100, distinct: 60 })
  const renders = await measureRowRenders({ rows: 1000 })
  console.log('\nUserkit React layer\n')
  console.table([
    { figure: 'requests for 100 useUser mounts (60 uids), batched', value: batched },
    { figure: 'the same with batchGetUser: false (one request per uid)', value: unbatched },
    { figure: `rows re-rendered after updating 1 of ${renders.rows}`, value: renders.rerendered },
    { figure: `requests to show ${renders.rows} rows`, value: renders.requestsToShow },
  ])
}, 60_000)
