"""Signs and verifies btauth/1 requests with bittensor's own module (bittensor.http_auth, from
the bittensor 11.3 package), so that the end-to-end suite can check Taonet's Rust signatures
against it both ways.

Usage:
  python btauth.py sign URI RECEIVER METHOD PATH BODY     prints the headers as JSON
  python btauth.py verify URI METHOD PATH BODY < headers  verifies as URI's hotkey; prints
                                                          {"ok": true, "hotkey": ...} or
                                                          {"ok": false, "error": class, ...}
"""

import json
import sys

from bittensor import http_auth
from bittensor.sp_core import Keypair


def main(argv):
    mode, uri = argv[0], argv[1]
    key = Keypair.create_from_uri(uri)
    if mode == "sign":
        receiver, method, path, body = argv[2:6]
        headers = http_auth.sign(key, method=method, path=path, body=body.encode(), receiver_ss58=receiver)
        print(json.dumps(dict(headers)))
        return 0
    method, path, body = argv[2:5]
    headers = json.load(sys.stdin)
    try:
        caller = http_auth.verify(
            headers, body.encode(), method=method, path=path, self_hotkey_ss58=key.ss58_address
        )
    except http_auth.AuthError as error:
        print(json.dumps({"ok": False, "error": type(error).__name__, "message": str(error)}))
        return 0
    print(json.dumps({"ok": True, "hotkey": caller.hotkey_ss58, "nonce": str(caller.nonce_ns)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
