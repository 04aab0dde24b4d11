// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {TraceabilityParts} from "./TraceabilityParts.sol";
import {Unauthorized, InvalidFormat, Conflict, NotFound} from "./TraceabilityErrors.sol";
import {TraceabilitySeenSet} from "./TraceabilitySeenSet.sol";

/// @title TraceabilityOrders
/// @notice Orders, deliveries and the two handovers, as the reference chaincode (TraceabilityChaincode.Orders and
/// .Handover): an OEM or supplier orders parts of one part number from an active supplier; the supplier
/// delivers exactly the ordered quantity of its own active parts through an active LSP; the LSP picks up and
/// the buyer accepts, each scanning the parts. A scan that is not exactly the delivery's parts held by the
/// party handing over (or an acceptance later than the tolerance) moves nothing: the rejection and its
/// reasons are stored and emitted for everyone, and the transaction succeeds.
abstract contract TraceabilityOrders is TraceabilityParts {
    using TraceabilitySeenSet for TraceabilitySeenSet.Set;

    // Statuses and reasons, numbered as the SDK's OrderStatus, DeliveryStatus, HandoverStage and RejectionReason.
    uint8 internal constant ORDER_OPEN = 1;
    uint8 internal constant ORDER_DECLINED = 2;
    uint8 internal constant ORDER_IN_DELIVERY = 3;
    uint8 internal constant ORDER_FULFILLED = 4;
    uint8 internal constant DELIVERY_CREATED = 1;
    uint8 internal constant DELIVERY_PICKED_UP = 2;
    uint8 internal constant DELIVERY_ACCEPTED = 3;
    uint8 internal constant STAGE_PICK_UP = 1;
    uint8 internal constant STAGE_ACCEPTANCE = 2;
    uint8 internal constant UNREGISTERED = 1;
    uint8 internal constant NOT_IN_DELIVERY = 2;
    uint8 internal constant MISSING = 3;
    uint8 internal constant WRONG_OWNER = 4;
    uint8 internal constant LATE = 5;

    struct Order {
        string orderId;
        address buyer;
        address supplier;
        string partNumber;
        uint32 quantity;
        uint64 requestedDeliveryDate;
        uint8 status;
    }

    struct Delivery {
        string deliveryId;
        string orderId;
        address lsp;
        string[] partIds;
        uint8 status;
    }

    struct RejectedPart {
        string partId;
        uint8 reason;
    }

    struct Rejection {
        uint8 stage;
        address rejectedBy;
        uint64 time;
        RejectedPart[] parts;
    }

    uint64 public immutable lateTolerance;
    mapping(bytes32 orderKey => Order) private _orders;
    mapping(bytes32 orderKey => mapping(address => bool)) private _isParty;
    mapping(address party => bytes32[]) private _ordersOf;
    mapping(bytes32 deliveryKey => Delivery) private _deliveries;
    mapping(bytes32 deliveryKey => mapping(bytes32 partKey => bool)) private _inDelivery;
    mapping(bytes32 deliveryKey => Rejection[]) private _rejections;

    event OrderPlaced(string orderId, address indexed buyer, address indexed supplier);
    event OrderDeclined(string orderId);
    event DeliveryCreated(string deliveryId, string orderId, address indexed lsp);
    event PickedUp(string deliveryId, address indexed from, address indexed to);
    event DeliveryAccepted(string deliveryId, address indexed from, address indexed to);
    event HandoverRejected(string deliveryId, uint8 stage, address indexed rejectedBy, RejectedPart[] parts);

    constructor(uint64 lateTolerance_) {
        lateTolerance = lateTolerance_;
    }

    /// @notice A buyer orders `quantity` parts of `partNumber` from `supplier`, due at `requestedDeliveryDate` (Unix seconds).
    function placeOrder(string calldata orderId, address supplier, string calldata partNumber, uint32 quantity, uint64 requestedDeliveryDate) external {
        Participant storage buyer = _maker();
        _requireId(orderId);
        _requireId(partNumber);
        if (quantity < 1 || quantity > MAX_PARTS_PER_REGISTRATION) revert InvalidFormat("an order is for 1 to 10000 parts");
        Participant storage s = _participants[supplier];
        if (s.role != SUPPLIER || s.revokedAt != 0 || supplier == buyer.account) revert Conflict("not an active supplier other than the buyer");
        bytes32 key = keccak256(bytes(orderId));
        if (_orders[key].status != 0) revert Conflict("the order already exists");
        _orders[key] = Order(orderId, buyer.account, supplier, partNumber, quantity, requestedDeliveryDate, ORDER_OPEN);
        _addParty(key, buyer.account);
        _addParty(key, supplier);
        emit OrderPlaced(orderId, buyer.account, supplier);
    }

    /// @notice The supplier declines open order `orderId`.
    function declineOrder(string calldata orderId) external {
        Participant storage supplier = _caller(_only(SUPPLIER));
        Order storage order = _order(orderId);
        if (order.supplier != supplier.account) revert Unauthorized(msg.sender, "not the order's supplier");
        if (order.status != ORDER_OPEN) revert Conflict("the order is not open");
        order.status = ORDER_DECLINED;
        emit OrderDeclined(orderId);
    }

    /// @notice The supplier creates delivery `deliveryId` of its parts `partIds` for order `orderId`, carried by `lsp`.
    function createDelivery(string calldata deliveryId, string calldata orderId, address lsp, string[] calldata partIds) external {
        Participant storage supplier = _caller(_only(SUPPLIER));
        _requireId(deliveryId);
        Order storage order = _order(orderId);
        if (order.supplier != supplier.account) revert Unauthorized(msg.sender, "not the order's supplier");
        if (order.status != ORDER_OPEN) revert Conflict("the order is not open");
        Participant storage carrier = _participants[lsp];
        if (carrier.role != LSP || carrier.revokedAt != 0) revert Conflict("not an active logistics provider");
        bytes32 key = keccak256(bytes(deliveryId));
        if (partIds.length != order.quantity) revert InvalidFormat("needs the ordered quantity of distinct parts");
        TraceabilitySeenSet.Set memory distinct = TraceabilitySeenSet.withCapacity(partIds.length);
        for (uint256 i = 0; i < partIds.length; i++) {
            if (!distinct.add(keccak256(bytes(partIds[i])))) revert InvalidFormat("needs the ordered quantity of distinct parts");
        }
        for (uint256 i = 0; i < partIds.length; i++) {
            Part storage p = _ownedActive(partIds[i], supplier.account);
            if (keccak256(bytes(p.partNumber)) != keccak256(bytes(order.partNumber))) revert Conflict("part number differs from the order");
        }
        if (_deliveries[key].status != 0) revert Conflict("the delivery already exists");
        Delivery storage delivery = _deliveries[key];
        (delivery.deliveryId, delivery.orderId, delivery.lsp, delivery.status) = (deliveryId, orderId, lsp, DELIVERY_CREATED);
        for (uint256 i = 0; i < partIds.length; i++) {
            delivery.partIds.push(partIds[i]);
            _inDelivery[key][keccak256(bytes(partIds[i]))] = true;
        }
        order.status = ORDER_IN_DELIVERY;
        _addParty(keccak256(bytes(orderId)), lsp);
        emit DeliveryCreated(deliveryId, orderId, lsp);
    }

    /// @notice The LSP scans the parts it picks up; a mismatch is recorded as a rejection instead of moving custody.
    function pickUp(string calldata deliveryId, string[] calldata scanned, Location calldata location) external returns (bool accepted) {
        Participant storage lsp = _caller(_only(LSP));
        Delivery storage delivery = _delivery(deliveryId);
        if (delivery.lsp != lsp.account) revert Unauthorized(msg.sender, "not the delivery's LSP");
        if (delivery.status != DELIVERY_CREATED) revert Conflict("already picked up");
        Order storage order = _orders[keccak256(bytes(delivery.orderId))];
        RejectedPart[] memory problems = _compareScan(deliveryId, delivery, scanned, order.supplier, false);
        if (problems.length > 0) {
            _reject(deliveryId, STAGE_PICK_UP, problems, location);
            return false;
        }
        _transfer(delivery, lsp.account, IN_TRANSIT, PICKED_UP, location);
        delivery.status = DELIVERY_PICKED_UP;
        emit PickedUp(deliveryId, order.supplier, lsp.account);
        return true;
    }

    /// @notice The buyer scans the parts it receives; a mismatch or late delivery is recorded as a rejection instead of moving custody.
    function acceptDelivery(string calldata deliveryId, string[] calldata scanned, Location calldata location) external returns (bool accepted) {
        Participant storage buyer = _maker();
        Delivery storage delivery = _delivery(deliveryId);
        Order storage order = _orders[keccak256(bytes(delivery.orderId))];
        if (order.buyer != buyer.account) revert Unauthorized(msg.sender, "not the order's buyer");
        if (delivery.status != DELIVERY_PICKED_UP) revert Conflict("not picked up yet");
        bool late = block.timestamp > uint256(order.requestedDeliveryDate) + lateTolerance;
        RejectedPart[] memory problems = _compareScan(deliveryId, delivery, scanned, delivery.lsp, late);
        if (problems.length > 0) {
            _reject(deliveryId, STAGE_ACCEPTANCE, problems, location);
            return false;
        }
        _transfer(delivery, buyer.account, ACTIVE, DELIVERED, location);
        delivery.status = DELIVERY_ACCEPTED;
        order.status = ORDER_FULFILLED;
        emit DeliveryAccepted(deliveryId, delivery.lsp, buyer.account);
        return true;
    }

    /// @notice An order, for its buyer, supplier and logistics provider only (`caller` as the port names it).
    function orderFor(address caller, string calldata orderId) external view returns (Order memory) {
        _requireParticipant(caller);
        bytes32 key = keccak256(bytes(orderId));
        if (_orders[key].status != 0 && !_isParty[key][caller]) revert Unauthorized(caller, "for the order's parties only");
        return _orders[key];
    }

    /// @notice A delivery, for its order's parties only.
    function deliveryFor(address caller, string calldata deliveryId) external view returns (Delivery memory) {
        _requireParticipant(caller);
        Delivery storage found = _deliveries[keccak256(bytes(deliveryId))];
        if (found.status != 0 && !_isParty[keccak256(bytes(found.orderId))][caller]) revert Unauthorized(caller, "for the order's parties only");
        return found;
    }

    /// @notice The orders `caller` is a party of, in the order it became one (the port's open orders are those Open or InDelivery).
    function ordersOf(address caller) external view returns (Order[] memory found) {
        _requireParticipant(caller);
        bytes32[] storage keys = _ordersOf[caller];
        found = new Order[](keys.length);
        for (uint256 i = 0; i < keys.length; i++) {
            found[i] = _orders[keys[i]];
        }
    }

    /// @notice The part ids of a delivery: what its custody moves carry, which every participant sees in the parts' histories.
    function deliveryPartIds(string calldata deliveryId) external view returns (string[] memory) {
        return _deliveries[keccak256(bytes(deliveryId))].partIds;
    }

    /// @notice The rejections recorded for a delivery (visible to all: counterfeits must be seen).
    function rejections(string calldata deliveryId) external view returns (Rejection[] memory) {
        return _rejections[keccak256(bytes(deliveryId))];
    }

    // Unregistered, not-in-delivery and wrong-owner parts in scan order (each scanned id once), then the
    // delivery's parts nobody scanned, then lateness.
    function _compareScan(string calldata deliveryId, Delivery storage d, string[] calldata scanned, address expectedHolder, bool late)
        private
        view
        returns (RejectedPart[] memory problems)
    {
        bytes32 deliveryKey = keccak256(bytes(deliveryId));
        problems = new RejectedPart[](scanned.length + d.partIds.length + 1);
        uint256 count = 0;
        TraceabilitySeenSet.Set memory seen = TraceabilitySeenSet.withCapacity(scanned.length);
        for (uint256 i = 0; i < scanned.length; i++) {
            _requireId(scanned[i]);
            bytes32 partKey = keccak256(bytes(scanned[i]));
            if (!seen.add(partKey)) continue;
            Part storage p = _parts[partKey];
            uint8 reason = p.registeredAt == 0 ? UNREGISTERED : !_inDelivery[deliveryKey][partKey] ? NOT_IN_DELIVERY : p.owner != expectedHolder ? WRONG_OWNER : 0;
            if (reason != 0) problems[count++] = RejectedPart(scanned[i], reason);
        }
        for (uint256 i = 0; i < d.partIds.length; i++) {
            if (!seen.contains(keccak256(bytes(d.partIds[i])))) problems[count++] = RejectedPart(d.partIds[i], MISSING);
        }
        if (late) problems[count++] = RejectedPart("", LATE);
        assembly ("memory-safe") {
            mstore(problems, count)
        }
    }

    function _reject(string calldata deliveryId, uint8 stage, RejectedPart[] memory problems, Location calldata location) private {
        Rejection storage stored = _rejections[keccak256(bytes(deliveryId))].push();
        (stored.stage, stored.rejectedBy, stored.time) = (stage, msg.sender, uint64(block.timestamp));
        for (uint256 i = 0; i < problems.length; i++) {
            stored.parts.push(problems[i]);
            if (bytes(problems[i].partId).length > 0 && problems[i].reason != UNREGISTERED) {
                _record(keccak256(bytes(problems[i].partId)), HANDOVER_REJECTED, true, location, deliveryId, address(0), problems[i].reason);
            }
        }
        emit HandoverRejected(deliveryId, stage, msg.sender, problems);
    }

    function _transfer(Delivery storage d, address to, uint8 status, uint8 handover, Location calldata location) private {
        for (uint256 i = 0; i < d.partIds.length; i++) {
            bytes32 key = keccak256(bytes(d.partIds[i]));
            _moveTo(key, to);
            _parts[key].status = status;
            _record(key, handover, true, location, d.deliveryId, address(0), 0);
            _record(key, OWNERSHIP_TRANSFERRED, true, location, "", to, 0);
        }
    }

    function _order(string calldata orderId) private view returns (Order storage o) {
        _requireId(orderId);
        o = _orders[keccak256(bytes(orderId))];
        if (o.status == 0) revert NotFound("the order does not exist");
    }

    function _delivery(string calldata deliveryId) private view returns (Delivery storage d) {
        _requireId(deliveryId);
        d = _deliveries[keccak256(bytes(deliveryId))];
        if (d.status == 0) revert NotFound("the delivery does not exist");
    }

    function _addParty(bytes32 orderKey, address party) private {
        if (_isParty[orderKey][party]) return;
        _isParty[orderKey][party] = true;
        _ordersOf[party].push(orderKey);
    }

    function _only(uint8 role) internal pure returns (uint8[] memory roles) {
        roles = new uint8[](1);
        roles[0] = role;
    }
}
