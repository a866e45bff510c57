import { describe, expect, it } from 'vitest';
import { audienceFrom } from '../../../src/hall/hallAudience';

// The page is under the hall only when the server's meta names a plain http(s) address: the public
// site and the offline file have no meta, and nothing else turns the live channel or the QR code on.
describe('audienceFrom (is this the hall?)', () => {
  it.each<[string | null | undefined, string | null]>([
    ['http://192.168.1.23:8080/?mode=follow', 'http://192.168.1.23:8080/?mode=follow'],
    ['http://[fe80::1]:8080/?mode=follow', 'http://[fe80::1]:8080/?mode=follow'],
    ['https://hall.example/?mode=follow', 'https://hall.example/?mode=follow'],
    [null, null],
    [undefined, null],
    ['', null],
    ['not a url', null],
    ['/?mode=follow', null], // relative: not what the server writes
    ['javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['file:///index.html?mode=follow', null],
    ['http://user:pass@192.168.1.23:8080/?mode=follow', null],
  ])('%j -> %j', (content, expected) => expect(audienceFrom(content)).toBe(expected));
});
