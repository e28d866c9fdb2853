import { useState } from 'react'
import { useCurrentUser, useLogin, useLogout, type LoginCredentials } from '../../src/react/index.js'

/** Who is logged in; logs in with `credentials`, or with the token typed in, and logs out. */
export function SessionView({ credentials }: { credentials?: LoginCredentials }) {
  const status = useCurrentUser((state) => state.status)
  const name = useCurrentUser((state) => state.user?.name)
  const login = useLogin()
  const logout = useLogout()
  const [token, setToken] = useState('')
  return (
    <>
      <p aria-label="status">{status}</p>
      <p aria-label="name">{name ?? 'nobody'}</p>
      <label>
        Token
        <input value={token} onChange={(event) => setToken(event.target.value)} />
      </label>
      <button type="button" onClick={() => login.mutate(credentials ?? token)}>
        Log in
      </button>
      <button type="button" onClick={() => logout.mutate()}>
        Log out
      </button>
      <p aria-label="login">{login.error ? login.error.code : login.status}</p>
      <p aria-label="logout">{logout.error ? logout.error.code : logout.status}</p>
      {login.error ? <p role="alert">{login.error.code}</p> : null}
    </>
  )
}
