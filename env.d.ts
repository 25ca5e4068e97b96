/** Build-time switches (WXT exposes `WXT_`-prefixed variables to the bundle). */
interface ImportMetaEnv {
  /** "true" in the test build the end-to-end suite loads: the HubSpot token may also go to loopback. */
  readonly WXT_BATON_TEST_BUILD?: string;
}
