"""Signs with the Python substrate client (substrate-interface), configured with nothing but the
node's URL: a transfer lands with the exact amount, and a weight call for a subnet that does not
exist is refused by the pool through the runtime's CheckWeights extension (custom code 1).

Usage: python sign.py ws://127.0.0.1:9944   (prints one JSON line; exits non-zero on failure)
"""

import json
import sys

from substrateinterface import Keypair, SubstrateInterface
from substrateinterface.exceptions import SubstrateRequestException

TAO = 10**9


def free(substrate, address):
    return substrate.query("System", "Account", [address]).value["data"]["free"]


def main(url):
    substrate = SubstrateInterface(url=url)
    alice = Keypair.create_from_uri("//Alice")
    receiver = Keypair.create_from_uri("//Python//receiver")
    substrate.init_runtime()
    extensions = list(substrate.metadata.get_signed_extensions())
    assert extensions[-1] == "CheckWeights", extensions

    before = free(substrate, receiver.ss58_address)
    call = substrate.compose_call(
        "Balances", "transfer_keep_alive", {"dest": receiver.ss58_address, "value": 2 * TAO}
    )
    receipt = substrate.submit_extrinsic(
        substrate.create_signed_extrinsic(call=call, keypair=alice), wait_for_inclusion=True
    )
    assert receipt.is_success, receipt.error_message
    received = free(substrate, receiver.ss58_address) - before
    assert received == 2 * TAO, f"received {received}"

    # Weights on a fresh chain, where subnet 1 does not exist yet: refused in the pool.
    call = substrate.compose_call(
        "Consensus",
        "set_weights",
        # The rows are bounded vectors (a newtype around a vector in the metadata), which
        # substrate-interface takes as a one-element list holding the vector.
        {"netuid": 1, "uids": [[0]], "weights": [[1]], "version_key": 0},
    )
    refused = None
    try:
        substrate.submit_extrinsic(
            substrate.create_signed_extrinsic(call=call, keypair=receiver), wait_for_inclusion=True
        )
    except SubstrateRequestException as error:
        refused = error.args[0] if error.args else str(error)
    assert refused is not None and "Custom error: 1" in str(refused), f"not refused as expected: {refused}"

    print(json.dumps({"extensions": extensions, "received": received, "refused": refused}))


if __name__ == "__main__":
    main(sys.argv[1])
