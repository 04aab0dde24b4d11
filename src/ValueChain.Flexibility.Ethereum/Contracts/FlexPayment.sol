// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {P256} from "@openzeppelin/contracts/utils/cryptography/P256.sol";
import {EnergyTransferRecords} from "./EnergyTransferRecords.sol";
import {OcmfPayloads} from "./OcmfPayloads.sol";
import {Unauthorized, Conflict} from "./FlexErrors.sol";

interface IFlexPlatform {
    /// @notice The market's whitelist.
    function whitelist() external view returns (IFlexWhitelistView);
    /// @notice The market's token.
    function token() external view returns (IFlexTokenTransfer);
    /// @notice Whether `meter` already used `nonce` in a paid record.
    function nonceUsed(address meter, uint256 nonce) external view returns (bool);
    /// @notice Marks `nonce` of `meter` as used; only the platform's payment contracts may call it.
    function useNonce(address meter, uint256 nonce) external;
}

interface IFlexWhitelistView {
    /// @notice The whitelist role of `account` (0 when not listed).
    function roleOf(address account) external view returns (uint8);
    /// @notice Whether `meterId` is a whitelisted meter.
    function isMeterWhitelisted(address meterId) external view returns (bool);
    /// @notice The location hash recorded for `meterId`.
    function locationOf(address meterId) external view returns (bytes32);
}

interface IFlexTokenTransfer {
    /// @notice Moves `amount` tokens from the caller to `to`.
    function transfer(address to, uint256 amount) external returns (bool);
    /// @notice The token balance of `owner`.
    function balanceOf(address owner) external view returns (uint256);
}

/// @title FlexPayment
/// @notice One contracted offer's payment contract (deployed as a minimal clone by the platform): it holds
/// the winning bid and the fleet operator's penalty, pays out against EIP-712 energy transfer records
/// signed by whitelisted meters — checked as the SDK's EtrVerifier, each meter nonce usable once in the
/// whole market — pro rata and never more than what remains, releasing the matching share of the
/// penalty; a failed check is stored and emitted and pays nothing. After the deadline the buyer takes
/// what is left.
contract FlexPayment is ReentrancyGuard {
    struct Rejection {
        uint8 reason; // EnergyTransferRecords.Rejection
        address caller;
        uint64 time;
    }

    IFlexPlatform public platform;
    uint256 public offerId;
    address public buyer;
    address public fleetOperator;
    uint256 public payment;
    uint256 public penalty;
    uint256 public paid;
    uint256 public penaltyReleased;
    uint64 public deliveredWh;
    uint64 public deadline;
    bool public settled;
    EnergyTransferRecords.Terms private _terms;
    Rejection[] private _rejections;

    /// @notice A paid request: `paidNow`/`releasedNow` moved by this one, `paid`/`penaltyReleased`/`deliveredWh` the totals after it.
    event PaymentMade(
        uint256 indexed offerId, address indexed meter, uint64 energyWh, uint256 paidNow, uint256 releasedNow, uint256 paid, uint256 penaltyReleased, uint64 deliveredWh
    );
    event PaymentRejected(uint256 indexed offerId, uint8 reason, address caller);
    event PenaltyEnforced(uint256 indexed offerId, address indexed buyer, uint256 amount);

    /// @notice Called once by the platform that cloned this contract.
    function initialize(
        uint256 offerId_,
        address buyer_,
        address fleetOperator_,
        uint256 payment_,
        uint256 penalty_,
        uint64 deadline_,
        FlexPlatformTerms calldata offered
    ) external {
        if (address(platform) != address(0)) revert Conflict("already initialised");
        platform = IFlexPlatform(msg.sender);
        (offerId, buyer, fleetOperator, payment, penalty, deadline) = (offerId_, buyer_, fleetOperator_, payment_, penalty_, deadline_);
        _terms = EnergyTransferRecords.Terms(fleetOperator_, offered.deliveryDate, offered.startSlot, offered.location, offered.direction, offered.energyWh);
    }

    /// @notice The contracted offer's terms that payment requests are checked against.
    function terms() external view returns (EnergyTransferRecords.Terms memory) {
        return _terms;
    }

    /// @notice Every payment request this contract rejected, in order, with reason, caller and time.
    function rejections() external view returns (Rejection[] memory) {
        return _rejections;
    }

    /// @notice The EIP-712 digest a meter signs for `record` addressed to this contract.
    function digest(EnergyTransferRecords.Record calldata record) external view returns (bytes32) {
        return EnergyTransferRecords.digest(record, address(this));
    }

    /// @notice Pays for `record` when every check passes; otherwise stores and emits the first failure.
    function requestPayment(EnergyTransferRecords.Record calldata record, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
        returns (uint8 rejection, uint256 paidNow, uint256 releasedNow)
    {
        if (settled) revert Conflict("the payment contract is settled");
        (EnergyTransferRecords.Rejection failed, address meter) = _check(record, v, r, s);
        return _settle(failed, meter, record.nonce, record.energyWh);
    }

    /// @notice Pays for an OCMF record: `payload` is the JSON object exactly as the meter signed it, (r, s)
    /// its P-256 signature with low s, `publicKey` the meter's 65-byte uncompressed key. The fields are read
    /// from the signed payload; the checks and their order are EtrVerifier.VerifyOcmfAsync's.
    function requestOcmfPayment(bytes calldata payload, bytes32 r, bytes32 s, bytes calldata publicKey)
        external
        nonReentrant
        returns (uint8 rejection, uint256 paidNow, uint256 releasedNow)
    {
        if (settled) revert Conflict("the payment contract is settled");
        (EnergyTransferRecords.Rejection failed, address meter, OcmfPayloads.Record memory record) = _checkOcmf(payload, r, s, publicKey);
        return _settle(failed, meter, record.nonce, record.energyWh);
    }

    /// @notice After the deadline, the buyer (a verifier or DSO) takes what is left of payment and penalty.
    function enforcePenalty() external nonReentrant {
        uint8 role = platform.whitelist().roleOf(msg.sender);
        if (role != 1 && role != 2) revert Unauthorized(msg.sender);
        if (msg.sender != buyer) revert Unauthorized(msg.sender);
        if (settled) revert Conflict("the payment contract is already settled");
        if (block.timestamp < deadline) revert Conflict("the penalty can be enforced only after the deadline");
        settled = true;
        uint256 rest = platform.token().balanceOf(address(this));
        if (rest > 0) platform.token().transfer(buyer, rest);
        emit PenaltyEnforced(offerId, buyer, rest);
    }

    // The spec's order: caller, signature, whitelist, nonce, then the record's fields against the offer.
    function _check(EnergyTransferRecords.Record calldata record, uint8 v, bytes32 r, bytes32 s)
        private
        view
        returns (EnergyTransferRecords.Rejection, address)
    {
        if (msg.sender != _terms.fleetOperator) return (EnergyTransferRecords.Rejection.NotFleetOperator, address(0));
        address meter = EnergyTransferRecords.recover(EnergyTransferRecords.digest(record, address(this)), v, r, s);
        if (meter == address(0)) return (EnergyTransferRecords.Rejection.InvalidSignature, address(0));
        if (!platform.whitelist().isMeterWhitelisted(meter)) return (EnergyTransferRecords.Rejection.MeterNotWhitelisted, meter);
        if (platform.nonceUsed(meter, record.nonce)) return (EnergyTransferRecords.Rejection.NonceReplayed, meter);
        return (EnergyTransferRecords.mismatch(_terms, record), meter);
    }

    function _checkOcmf(bytes calldata payload, bytes32 r, bytes32 s, bytes calldata publicKey)
        private
        view
        returns (EnergyTransferRecords.Rejection, address meter, OcmfPayloads.Record memory record)
    {
        if (msg.sender != _terms.fleetOperator) return (EnergyTransferRecords.Rejection.NotFleetOperator, address(0), record);
        if (publicKey.length != 65 || publicKey[0] != 0x04) return (EnergyTransferRecords.Rejection.InvalidSignature, address(0), record);
        record = OcmfPayloads.read(payload);
        if (!record.wellFormed || !P256.verify(sha256(payload), r, s, bytes32(publicKey[1:33]), bytes32(publicKey[33:65]))) {
            return (EnergyTransferRecords.Rejection.InvalidSignature, address(0), record);
        }
        meter = address(uint160(uint256(keccak256(publicKey[1:]))));
        IFlexWhitelistView whitelist = platform.whitelist();
        EnergyTransferRecords.Rejection failed = EnergyTransferRecords.Rejection.None;
        if (!whitelist.isMeterWhitelisted(meter)) failed = EnergyTransferRecords.Rejection.MeterNotWhitelisted;
        else if (platform.nonceUsed(meter, record.nonce)) failed = EnergyTransferRecords.Rejection.NonceReplayed;
        else if (record.deliveryDate != _terms.deliveryDate) failed = EnergyTransferRecords.Rejection.DeliveryDateMismatch;
        else if (record.startSlot != _terms.startSlot) failed = EnergyTransferRecords.Rejection.StartSlotMismatch;
        else if (whitelist.locationOf(meter) != _terms.location) failed = EnergyTransferRecords.Rejection.LocationMismatch;
        else if (record.direction != _terms.direction) failed = EnergyTransferRecords.Rejection.DirectionMismatch;
        else if (!record.energyValid) failed = EnergyTransferRecords.Rejection.InvalidReadings;
        return (failed, meter, record);
    }

    // Stores and emits a failed check; otherwise uses the nonce and pays the share of `energyWh`.
    function _settle(EnergyTransferRecords.Rejection failed, address meter, uint256 nonce, uint64 energyWh)
        private
        returns (uint8, uint256 paidNow, uint256 releasedNow)
    {
        if (failed != EnergyTransferRecords.Rejection.None) {
            _rejections.push(Rejection(uint8(failed), msg.sender, uint64(block.timestamp)));
            emit PaymentRejected(offerId, uint8(failed), msg.sender);
            return (uint8(failed), 0, 0);
        }

        platform.useNonce(meter, nonce);
        paidNow = _share(payment, energyWh, payment - paid);
        releasedNow = _share(penalty, energyWh, penalty - penaltyReleased);
        paid += paidNow;
        penaltyReleased += releasedNow;
        deliveredWh += energyWh;
        if (paidNow + releasedNow > 0) platform.token().transfer(fleetOperator, paidNow + releasedNow);
        emit PaymentMade(offerId, meter, energyWh, paidNow, releasedNow, paid, penaltyReleased, deliveredWh);
        return (0, paidNow, releasedNow);
    }

    // Pro rata in integer arithmetic, never more than what remains.
    function _share(uint256 total, uint64 energyWh, uint256 remaining) private view returns (uint256) {
        uint256 share = total * energyWh / _terms.energyWh;
        return share > remaining ? remaining : share;
    }
}

/// @notice The offer terms the platform hands to a new payment contract.
struct FlexPlatformTerms {
    uint32 deliveryDate;
    uint16 startSlot;
    uint16 slotCount;
    bytes32 location;
    uint8 direction;
    uint64 energyWh;
    uint256 askingPrice;
    uint256 penalty;
}
