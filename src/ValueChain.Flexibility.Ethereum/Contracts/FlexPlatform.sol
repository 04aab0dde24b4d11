// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {FlexWhitelist} from "./FlexWhitelist.sol";
import {FlexToken} from "./FlexToken.sol";
import {FlexPayment, FlexPlatformTerms} from "./FlexPayment.sol";
import {
    Unauthorized, InvalidFormat, Conflict, NotFound, WrongStage, GateClosed, CommitmentMismatch, BidTooLow, InsufficientAllowance, InsufficientBalance
} from "./FlexErrors.sol";

/// @title FlexPlatform
/// @notice The day-ahead flexibility market: rounds of three stages (offering, bidding, contract
/// creation) derived from block time exactly as the SDK's MarketClock, offers as structured terms or as
/// hash commitments (a deployment option), bids (the highest wins, ties go to the earlier), and contract
/// creation as a factory of payment contracts — one minimal clone (EIP-1167) of a FlexPayment per
/// contracted offer, which costs a fraction of a full deployment. Meter nonces are stored here, for the
/// whole market, so that a record can never pay twice across contracts.
contract FlexPlatform {
    uint8 public constant OFFERING = 1;
    uint8 public constant BIDDING = 2;
    uint8 public constant CONTRACT_CREATION = 3;
    uint8 public constant OPEN = 1;
    uint8 public constant CONTRACTED = 2;
    uint8 public constant EXPIRED = 3;

    // FlexPlatformTerms (in FlexPayment.sol) is what a fleet operator offers or reveals, as the SDK's
    // OfferRequest: delivery date in days since 1970-01-01 (the day after the offering), slots, location
    // hash, direction, energy, asking price and penalty.

    struct Offer {
        uint64 round;
        address fleetOperator;
        bytes32 commitment; // zero for a structured offer
        FlexPlatformTerms terms; // empty for a committed offer until its reveal
        uint8 status;
        address bestBidder;
        uint256 bestPrice;
        uint32 bids;
        address payment;
    }

    FlexWhitelist public immutable whitelist;
    FlexToken public immutable token;
    address public immutable paymentImplementation;
    uint64 public immutable epoch;
    uint64 public immutable stageLength;
    uint64 public immutable gateClosure;
    uint64 public immutable penaltyGrace;
    bool public immutable committedOffers;

    uint256 public offerCount;
    mapping(uint256 offerId => Offer) private _offers;
    mapping(address payment => bool) public isPaymentContract;
    mapping(address meter => mapping(uint256 nonce => bool)) public nonceUsed;

    event OfferMade(uint256 indexed offerId, uint64 indexed round, address indexed fleetOperator, bytes32 commitment);
    event BidPlaced(uint256 indexed offerId, address indexed bidder, uint256 price);
    event OfferExpired(uint256 indexed offerId);
    event ContractCreated(uint256 indexed offerId, address indexed payment, address buyer, address fleetOperator, uint256 price, uint256 penalty, uint64 deadline);

    constructor(
        FlexWhitelist whitelist_,
        FlexToken token_,
        uint64 epoch_,
        uint64 stageLength_,
        uint64 gateClosure_,
        uint64 penaltyGrace_,
        bool committedOffers_
    ) {
        if (stageLength_ == 0 || gateClosure_ >= stageLength_) revert InvalidFormat("the gate must close within the stage");
        whitelist = whitelist_;
        token = token_;
        epoch = epoch_;
        stageLength = stageLength_;
        gateClosure = gateClosure_;
        penaltyGrace = penaltyGrace_;
        committedOffers = committedOffers_;
        paymentImplementation = address(new FlexPayment());
    }

    /// @notice Round, stage (1–3), whether its gate is open, and when the stage ends, at `time`.
    function phaseAt(uint64 time) public view returns (uint64 round, uint8 stage, bool gateOpen, uint64 stageEnds) {
        uint64 since = time - epoch;
        uint64 roundLength = stageLength * 3;
        round = since / roundLength;
        uint64 intoRound = since % roundLength;
        stage = uint8(intoRound / stageLength) + 1;
        uint64 intoStage = intoRound % stageLength;
        gateOpen = intoStage < stageLength - gateClosure;
        stageEnds = time + (stageLength - intoStage);
    }

    /// @notice The offer `offerId` with its terms, status, best bid and payment contract (status 0: no such offer).
    function offer(uint256 offerId) external view returns (Offer memory) {
        return _offers[offerId];
    }

    /// @notice A fleet operator offers flexibility for tomorrow in the offering stage; returns the new offer's id.
    function makeOffer(FlexPlatformTerms calldata request) external returns (uint256 offerId) {
        _requireRole(whitelist.FLEET_OPERATOR());
        uint64 round = _requireStage(OFFERING, type(uint64).max);
        if (committedOffers) revert CommitmentMismatch("this market takes hash-committed offers only (makeCommittedOffer)");
        _requireValidTerms(uint64(block.timestamp), request);
        return _store(round, bytes32(0), request);
    }

    /// @notice A fleet operator offers terms hidden behind `commitment`, revealed at contract creation; returns the new offer's id.
    function makeCommittedOffer(bytes32 commitment) external returns (uint256 offerId) {
        _requireRole(whitelist.FLEET_OPERATOR());
        uint64 round = _requireStage(OFFERING, type(uint64).max);
        if (!committedOffers) revert CommitmentMismatch("this market takes structured offers only (makeOffer)");
        FlexPlatformTerms memory none;
        return _store(round, commitment, none);
    }

    /// @notice A verifier or DSO bids `price` on offer `offerId` in its round's bidding stage; the highest bid wins, of equal bids the earlier.
    function bid(uint256 offerId, uint256 price) external {
        uint8 role = whitelist.roleOf(msg.sender);
        if (role != whitelist.VERIFIER() && role != whitelist.DSO()) revert Unauthorized(msg.sender);
        Offer storage o = _existing(offerId);
        _requireStage(BIDDING, o.round);
        if (o.commitment == bytes32(0) && price < o.terms.askingPrice) revert BidTooLow(offerId, o.terms.askingPrice, price);
        // The highest bid wins; of equal bids, the earlier. A committed offer's ask is checked at its reveal.
        if (price > o.bestPrice || o.bids == 0) {
            o.bestBidder = msg.sender;
            o.bestPrice = price;
        }
        o.bids += 1;
        emit BidPlaced(offerId, msg.sender, price);
    }

    /// @notice The fleet operator confirms the result (revealing committed terms with their salt): with a
    /// winning bid the platform collects the bid from the bidder and the penalty from the fleet operator
    /// (both through their approval of this platform) into a new payment contract; without, the offer expires.
    function createContract(uint256 offerId, FlexPlatformTerms calldata reveal, bytes32 salt) external returns (address payment) {
        _requireRole(whitelist.FLEET_OPERATOR());
        Offer storage o = _existing(offerId);
        if (o.fleetOperator != msg.sender) revert Unauthorized(msg.sender);
        _requireStage(CONTRACT_CREATION, o.round);
        if (o.status != OPEN) revert Conflict("the offer is not open");
        if (o.commitment != bytes32(0)) {
            if (commitmentOf(reveal, salt) != o.commitment) revert CommitmentMismatch("the revealed terms do not hash to the commitment");
            _requireValidTerms(epoch + o.round * stageLength * 3, reveal);
            o.terms = reveal;
            if (o.bestPrice < reveal.askingPrice) o.bids = 0;
        }
        if (o.bids == 0) {
            o.status = EXPIRED;
            emit OfferExpired(offerId);
            return address(0);
        }

        payment = Clones.clone(paymentImplementation);
        isPaymentContract[payment] = true;
        o.payment = payment;
        o.status = CONTRACTED;
        _spendApproved(o.bestBidder, payment, o.bestPrice);
        _spendApproved(msg.sender, payment, o.terms.penalty);
        uint64 windowEnd = uint64(o.terms.deliveryDate) * 86400 + (uint64(o.terms.startSlot) + o.terms.slotCount) * 900;
        uint64 deadline = windowEnd + penaltyGrace;
        FlexPayment(payment).initialize(offerId, o.bestBidder, msg.sender, o.bestPrice, o.terms.penalty, deadline, o.terms);
        emit ContractCreated(offerId, payment, o.bestBidder, msg.sender, o.bestPrice, o.terms.penalty, deadline);
    }

    /// @notice Marks a meter's nonce used; only payment contracts of this platform may.
    function useNonce(address meter, uint256 nonce) external {
        if (!isPaymentContract[msg.sender]) revert Unauthorized(msg.sender);
        nonceUsed[meter][nonce] = true;
    }

    /// @notice keccak256 of the ABI-encoded terms and salt, as the SDK's FlexPlatformTerms.Commit.
    function commitmentOf(FlexPlatformTerms calldata terms, bytes32 salt) public pure returns (bytes32) {
        return keccak256(
            abi.encode(
                uint256(terms.deliveryDate),
                uint256(terms.startSlot),
                uint256(terms.slotCount),
                terms.location,
                uint256(terms.direction),
                uint256(terms.energyWh),
                terms.askingPrice,
                terms.penalty,
                salt
            )
        );
    }

    function _store(uint64 round, bytes32 commitment, FlexPlatformTerms memory terms) private returns (uint256 offerId) {
        offerId = ++offerCount;
        Offer storage o = _offers[offerId];
        o.round = round;
        o.fleetOperator = msg.sender;
        o.commitment = commitment;
        o.terms = terms;
        o.status = OPEN;
        emit OfferMade(offerId, round, msg.sender, commitment);
    }

    function _spendApproved(address owner, address to, uint256 amount) private {
        if (amount == 0) return;
        uint256 allowed = token.allowance(owner, address(this));
        if (allowed < amount) revert InsufficientAllowance(address(this), allowed, amount);
        // Checked here, so that the refusal is the market's typed error rather than the token's.
        uint256 held = token.balanceOf(owner);
        if (held < amount) revert InsufficientBalance(owner, held, amount);
        token.transferFrom(owner, to, amount);
    }

    function _existing(uint256 offerId) private view returns (Offer storage o) {
        o = _offers[offerId];
        if (o.status == 0) revert NotFound("no such offer");
    }

    function _requireRole(uint8 role) private view {
        if (whitelist.roleOf(msg.sender) != role) revert Unauthorized(msg.sender);
    }

    // Checks the stage (and, unless any, the round) at block time; returns the round.
    function _requireStage(uint8 stage, uint64 round) private view returns (uint64) {
        (uint64 current, uint8 currentStage, bool gateOpen, uint64 stageEnds) = phaseAt(uint64(block.timestamp));
        if (currentStage != stage || (round != type(uint64).max && current != round)) revert WrongStage(stage, currentStage, current);
        if (!gateOpen) revert GateClosed(stage, stageEnds);
        return current;
    }

    // Day-ahead (the day after the offering), whole slots within the day, energy and price above zero.
    function _requireValidTerms(uint64 offeredAt, FlexPlatformTerms memory r) private pure {
        if (r.deliveryDate != offeredAt / 86400 + 1) revert InvalidFormat("the market is day-ahead: deliveries are for the next day");
        if (r.startSlot > 95 || r.slotCount < 1 || uint256(r.startSlot) + r.slotCount > 96 || r.energyWh == 0 || r.askingPrice == 0 || r.direction > 1) {
            revert InvalidFormat("an offer needs slots within the day (0-95), energy above zero, an asking price above zero and a direction");
        }
    }
}
