// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {InvalidFormat} from "../../../contracts/src/shared/SharedErrors.sol";

/// @title AppMarketInput
/// @notice The marketplace's input rules, the chaincode's AppMarketRules, with the same field names in the reasons,
/// and the payment model numbers (1 one-time, 2 pay-per-use, 3 subscription).
abstract contract AppMarketInput {
    uint8 internal constant ONE_TIME = 1;
    uint8 internal constant PAY_PER_USE = 2;
    uint8 internal constant SUBSCRIPTION = 3;

    // 1 to 64 ASCII letters, digits, '.', '_' or '-', as the chaincode's AppMarketRules.RequireId.
    function _requireId(string calldata id, string memory field) internal pure {
        bytes calldata b = bytes(id);
        bool valid = b.length >= 1 && b.length <= 64;
        for (uint256 i = 0; valid && i < b.length; i++) {
            bytes1 c = b[i];
            valid = (c >= "0" && c <= "9") || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "." || c == "_" || c == "-";
        }
        if (!valid) revert InvalidFormat(string.concat(field, " must be 1 to 64 ASCII letters, digits, '.', '_' or '-'"));
    }

    function _requireCid(string calldata cid, string memory field) internal pure {
        bytes calldata b = bytes(cid);
        bool valid = b.length >= 1 && b.length <= 128;
        for (uint256 i = 0; valid && i < b.length; i++) {
            bytes1 c = b[i];
            valid = (c >= "0" && c <= "9") || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
        }
        if (!valid) revert InvalidFormat(string.concat(field, " must be a content id (1 to 128 ASCII letters and digits)"));
    }

    // 1 to 200 bytes, not only blanks, no control characters.
    function _requireName(string calldata name, string memory field) internal pure {
        bytes calldata b = bytes(name);
        bool blank = true;
        bool control = false;
        for (uint256 i = 0; i < b.length; i++) {
            blank = blank && (b[i] == " " || b[i] == "\t");
            control = control || uint8(b[i]) < 0x20 || uint8(b[i]) == 0x7f;
        }
        if (b.length == 0 || b.length > 200 || blank || control) revert InvalidFormat(string.concat(field, " must be 1 to 200 UTF-8 bytes, not blank, without control characters"));
    }

}
