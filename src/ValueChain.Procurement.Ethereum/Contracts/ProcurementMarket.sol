// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Escrow} from "../../../contracts/src/shared/Escrow.sol";
import {Unauthorized, InvalidFormat, Conflict, NotFound} from "../../../contracts/src/shared/SharedErrors.sol";
import {IProcurementMembers} from "./IProcurementMembers.sol";
import {SupersededQuotation, NotApproved, QuotationNotValid, WrongMaterial, FrozenField} from "./ProcurementErrors.sol";

/// @title ProcurementMarket
/// @notice The twin of ProcurementChaincode's machines, quotations and orders: service engineers register
/// machines with material slots; suppliers (users or machines) make versioned, binding quotations; buyers approve
/// them for their company; a machine orders the version it ranked, paying price × quantity into the shared
/// escrow held by this contract, and on arrival the escrow pays the supplier, the slot fills and the supplier's
/// company is rated; from the requested time plus the cancellation grace the machine may cancel and is refunded.
/// Ids are 1 to 64 printable bytes; times are Unix seconds of block time.
contract ProcurementMarket is Escrow {
    uint8 internal constant BUYER = 3;
    uint8 internal constant SUPPLIER = 4;
    uint8 internal constant SERVICE_ENGINEER = 5;
    uint8 internal constant ORDER_OPEN = 1;
    uint8 internal constant ORDER_CLOSED = 2;
    uint8 internal constant ORDER_CANCELLED = 3;
    uint64 internal constant MAX_QUANTITY = 1_000_000_000_000;

    struct Slot {
        string materialNumber;
        uint64 stock;
        uint64 reorderThreshold;
        uint64 capacity;
    }

    struct Machine {
        string machineId;
        address key;
        string companyId;
        uint64 maintenanceInterval;
        address registeredBy;
        uint64 registeredAt;
        Slot[] slots;
    }

    struct Quotation {
        uint64 quotationId;
        uint32 version;
        address supplier;
        string supplierCompany;
        string materialNumber;
        uint256 pricePerUnit;
        uint64 validFrom;
        uint64 validUntil;
        uint64 deliveryTime;
        uint64 recordedAt;
    }

    struct Order {
        string orderId;
        string machineId;
        uint64 quotationId;
        uint32 quotationVersion;
        uint64 quantity;
        uint64 placedAt;
        uint64 requestedBy;
        uint64 closedAt;
        uint8 status;
        bool onTime;
    }

    struct Evaluation {
        uint64 deliveries;
        uint64 onTimeDeliveries;
        uint64 failedDeliveries;
    }

    /// @notice The marketplace's members.
    IProcurementMembers public immutable members;
    /// @notice Seconds after an order's requested time from which its machine may cancel it.
    uint64 public immutable cancellationGrace;
    /// @notice How many quotations were made; ids are 1 to this.
    uint64 public quotationCount;
    /// @notice The maintenance book, which alone takes installed material out of the slots.
    address public book;
    address private immutable _deployer;

    mapping(string machineId => Machine) private _machines;
    mapping(address key => string) private _machineOfKey;
    mapping(uint64 quotationId => mapping(uint32 version => Quotation)) private _versions;
    mapping(uint64 quotationId => uint32) private _latest;
    mapping(bytes32 companyAndQuotation => bool) private _approved;
    mapping(string companyId => uint64[]) private _approvedList;
    mapping(string orderId => Order) private _orders;
    mapping(string machineId => string[]) private _machineOrders;
    mapping(bytes32 machineAndMaterial => bool) private _openSlotOrder;
    mapping(string companyId => Evaluation) private _evaluations;

    event MachineRegistered(string machineId, address indexed key, string companyId);
    event MaterialConsumed(string machineId, string materialNumber, uint64 quantity, uint64 stock);
    event QuotationCreated(uint64 indexed quotationId, uint32 version);
    event QuotationRevised(uint64 indexed quotationId, uint32 version);
    event QuotationApproved(uint64 indexed quotationId, string companyId, address indexed buyer);
    event ApprovalWithdrawn(uint64 indexed quotationId, string companyId, address indexed buyer);
    event OrderPlaced(string orderId);
    event OrderDelivered(string orderId);
    event OrderCancelled(string orderId);
    event SupplierRated(string companyId, uint64 deliveries, uint64 onTimeDeliveries, uint64 failedDeliveries);

    /// @param members_ The members contract.
    /// @param token The marketplace's token, which the escrow holds.
    /// @param cancellationGrace_ Seconds after the requested time from which an open order may be cancelled.
    constructor(IProcurementMembers members_, IERC20 token, uint64 cancellationGrace_) Escrow(token) {
        members = members_;
        cancellationGrace = cancellationGrace_;
        _deployer = msg.sender;
    }

    /// @notice The deployer names the maintenance book once.
    /// @param book_ The book contract.
    function setBook(address book_) external {
        if (msg.sender != _deployer || book != address(0)) revert Unauthorized(msg.sender, "only the deployer sets the book, once");
        book = book_;
    }

    /// @notice The book takes installed material out of a machine's slots (all or nothing).
    /// @param machineId The machine.
    /// @param materials The materials installed.
    /// @param quantities How much of each.
    function install(string calldata machineId, string[] calldata materials, uint64[] calldata quantities) external {
        if (msg.sender != book) revert Unauthorized(msg.sender, "only the maintenance book installs material");
        Machine storage m = _machines[machineId];
        for (uint256 i = 0; i < materials.length; i++) {
            Slot storage slot = _slot(m, materials[i], "installed.materialNumber");
            _requireQuantity(quantities[i], "installed.quantity");
            if (quantities[i] > slot.stock) revert Conflict("installed.quantity: the machine holds less of the material than that");
            slot.stock -= quantities[i];
        }
    }

    // ---- Machines ----

    /// @notice A service engineer registers a machine of its company, with its key and material slots.
    /// @param machineId The machine's id, unique.
    /// @param key The address of the machine's signing key: not a user's, a machine's or this contract's.
    /// @param slots Its material slots, each with a distinct material, stock at most capacity.
    /// @param maintenanceInterval Seconds between preventive maintenances.
    function registerMachine(string calldata machineId, address key, Slot[] calldata slots, uint64 maintenanceInterval) external {
        string memory companyId = _requireUser(SERVICE_ENGINEER);
        _requireId(machineId, "machineId");
        if (key == address(0)) revert InvalidFormat("address: a machine needs the address of its key");
        if (slots.length == 0 || slots.length > 32) revert InvalidFormat("slots: a machine has 1 to 32 material slots");
        Machine storage m = _machines[machineId];
        for (uint256 i = 0; i < slots.length; i++) {
            Slot calldata slot = slots[i];
            _requireId(slot.materialNumber, "slots.materialNumber");
            for (uint256 j = 0; j < i; j++) {
                if (_same(slots[j].materialNumber, slot.materialNumber)) revert InvalidFormat("slots.materialNumber: one slot per material");
            }
            _requireQuantity(slot.capacity, "slots.capacity");
            if (slot.stock > slot.capacity) revert InvalidFormat("slots.stock: 0 to the capacity");
            if (slot.reorderThreshold >= slot.capacity) revert InvalidFormat("slots.reorderThreshold: 0 to below the capacity");
            m.slots.push(slot);
        }
        if (maintenanceInterval == 0) revert InvalidFormat("maintenanceInterval: whole seconds above zero");
        if (m.key != address(0)) revert Conflict("the machine is registered already; identifiers are unique");
        // A machine's key is its own: never a user's (active or revoked), another machine's or the escrow's.
        if (bytes(_machineOfKey[key]).length != 0 || bytes(members.companyOf(key)).length != 0 || key == address(this)) {
            revert Conflict("the address is already a user's or a machine's key");
        }
        (m.machineId, m.key, m.companyId, m.maintenanceInterval, m.registeredBy, m.registeredAt) =
            (machineId, key, companyId, maintenanceInterval, msg.sender, uint64(block.timestamp));
        _machineOfKey[key] = machineId;
        emit MachineRegistered(machineId, key, companyId);
    }

    /// @notice The calling machine reports that it consumed `quantity` of a slot's material.
    /// @param materialNumber The slot's material.
    /// @param quantity How much, 1 to the slot's stock.
    function reportConsumption(string calldata materialNumber, uint64 quantity) external {
        Machine storage m = _machineCaller(true);
        Slot storage slot = _slot(m, materialNumber, "materialNumber");
        _requireQuantity(quantity, "quantity");
        if (quantity > slot.stock) revert Conflict("the machine holds less of the material than that");
        slot.stock -= quantity;
        emit MaterialConsumed(m.machineId, materialNumber, quantity, slot.stock);
    }

    /// @notice The machine `machineId` (key 0 when there is none).
    /// @param machineId The machine's id.
    /// @return The record.
    function machine(string calldata machineId) external view returns (Machine memory) {
        return _machines[machineId];
    }

    /// @notice The id of the machine whose key is `key` ("" when none).
    /// @param key The machine's key.
    /// @return The machine's id.
    function machineOfKey(address key) external view returns (string memory) {
        return _machineOfKey[key];
    }

    // ---- Quotations ----

    /// @notice A supplier (a supplier user, or a machine) makes a binding quotation, version 1.
    /// @param terms The material, price per unit, validity window and delivery time (supplier fields ignored).
    /// @return quotationId The new quotation's id.
    function createQuotation(Quotation calldata terms) external returns (uint64 quotationId) {
        (address supplier, string memory companyId) = _supplierCaller();
        _requireTerms(terms);
        quotationId = ++quotationCount;
        _saveQuotation(Quotation(quotationId, 1, supplier, companyId, terms.materialNumber, terms.pricePerUnit, terms.validFrom, terms.validUntil, terms.deliveryTime, uint64(block.timestamp)));
        emit QuotationCreated(quotationId, 1);
    }

    /// @notice Its supplier revises a quotation: a new version with a new price or validity window.
    /// @param quotationId The quotation.
    /// @param terms The new terms; material and delivery time stay as they are.
    function reviseQuotation(uint64 quotationId, Quotation calldata terms) external {
        (address supplier, ) = _supplierCaller();
        Quotation storage current = _existingQuotation(quotationId);
        if (current.supplier != supplier) revert Unauthorized(msg.sender, "only the supplier who made the quotation may change it");
        _requireTerms(terms);
        if (keccak256(bytes(terms.materialNumber)) != keccak256(bytes(current.materialNumber))) revert FrozenField("materialNumber: the quotation is binding; its material cannot change");
        if (terms.deliveryTime != current.deliveryTime) revert FrozenField("deliveryTime: the quotation is binding; its delivery time cannot change");
        if (terms.pricePerUnit == current.pricePerUnit && terms.validFrom == current.validFrom && terms.validUntil == current.validUntil) {
            revert Conflict("the revision changes nothing; a new version needs a new price or validity window");
        }
        Quotation memory next = current;
        (next.version, next.pricePerUnit, next.validFrom, next.validUntil, next.recordedAt) =
            (current.version + 1, terms.pricePerUnit, terms.validFrom, terms.validUntil, uint64(block.timestamp));
        _saveQuotation(next);
        emit QuotationRevised(quotationId, next.version);
    }

    /// @notice A buyer approves a quotation for its company (approvals survive revisions).
    /// @param quotationId The quotation.
    function approveQuotation(uint64 quotationId) external {
        _setApproval(quotationId, true);
    }

    /// @notice A buyer withdraws its company's approval of a quotation.
    /// @param quotationId The quotation.
    function withdrawApproval(uint64 quotationId) external {
        _setApproval(quotationId, false);
    }

    /// @notice The latest version of a quotation (id 0 when there is none).
    /// @param quotationId The quotation.
    /// @return The record.
    function quotation(uint64 quotationId) external view returns (Quotation memory) {
        return _versions[quotationId][_latest[quotationId]];
    }

    /// @notice One version of a quotation (id 0 when there is none).
    /// @param quotationId The quotation.
    /// @param version The version, from 1.
    /// @return The record.
    function quotationVersion(uint64 quotationId, uint32 version) external view returns (Quotation memory) {
        return _versions[quotationId][version];
    }

    /// @notice Every version of a quotation, oldest first.
    /// @param quotationId The quotation.
    /// @return versions The versions.
    function quotationVersions(uint64 quotationId) external view returns (Quotation[] memory versions) {
        versions = new Quotation[](_latest[quotationId]);
        for (uint32 v = 1; v <= versions.length; v++) {
            versions[v - 1] = _versions[quotationId][v];
        }
    }

    /// @notice Whether a quotation is approved for a company.
    /// @param quotationId The quotation.
    /// @param companyId The company.
    /// @return True when it is.
    function isApproved(uint64 quotationId, string memory companyId) public view returns (bool) {
        return _approved[_approvalKey(companyId, quotationId)];
    }

    /// @notice The latest versions of the quotations approved for a company, for a material, valid at block time.
    /// @param companyId The company.
    /// @param materialNumber The material.
    /// @return selectable What the company's machines rank.
    function selectableQuotations(string calldata companyId, string calldata materialNumber) external view returns (Quotation[] memory selectable) {
        uint64[] storage approved = _approvedList[companyId];
        Quotation[] memory found = new Quotation[](approved.length);
        uint256 count = 0;
        for (uint256 i = 0; i < approved.length; i++) {
            Quotation storage q = _versions[approved[i]][_latest[approved[i]]];
            if (keccak256(bytes(q.materialNumber)) == keccak256(bytes(materialNumber)) && _isValidNow(q)) {
                found[count++] = q;
            }
        }
        selectable = new Quotation[](count);
        for (uint256 i = 0; i < count; i++) {
            selectable[i] = found[i];
        }
    }

    // ---- Orders ----

    /// @notice The calling machine orders the quotation version it ranked, paying price × quantity into escrow
    /// (through its allowance for this contract).
    /// @param orderId The order's id, used once.
    /// @param materialNumber The slot to fill.
    /// @param quantity How much, 1 to the slot's free space.
    /// @param quotationId The quotation.
    /// @param version The quotation version ranked: the latest.
    function placeOrder(string calldata orderId, string calldata materialNumber, uint64 quantity, uint64 quotationId, uint32 version) external {
        Machine storage m = _machineCaller(true);
        _requireId(orderId, "orderId");
        Slot storage slot = _slot(m, materialNumber, "materialNumber");
        _requireQuantity(quantity, "quantity");
        Quotation storage q = _existingQuotation(quotationId);
        if (version != q.version) {
            if (version >= 1 && version < q.version) revert SupersededQuotation("the quotation version was superseded; rank again");
            revert InvalidFormat("quotationVersion: the quotation has no such version");
        }
        if (!isApproved(quotationId, m.companyId)) revert NotApproved("the quotation is not approved for the machine's company");
        if (!_isValidNow(q)) revert QuotationNotValid("the quotation is not valid at block time");
        if (keccak256(bytes(q.materialNumber)) != keccak256(bytes(slot.materialNumber))) revert WrongMaterial("the quotation offers another material");
        if (q.supplier == m.key) revert Conflict("a machine cannot order its own quotation");
        bytes32 slotKey = _slotKey(m.machineId, materialNumber);
        if (_openSlotOrder[slotKey]) revert Conflict("the machine has an open order for the material already; one open order per slot");
        if (quantity > slot.capacity - slot.stock) revert Conflict("the slot has no room for that quantity");
        if (bytes(_orders[orderId].orderId).length != 0) revert Conflict("the order id exists already; an order id is used once");
        if (quantity > type(uint256).max / q.pricePerUnit) revert InvalidFormat("pricePerUnit: price x quantity passes the token's range of 2^256 - 1");
        uint64 requestedBy = uint64(block.timestamp) + q.deliveryTime;
        _orders[orderId] = Order(orderId, m.machineId, quotationId, q.version, quantity, uint64(block.timestamp), requestedBy, 0, ORDER_OPEN, false);
        _machineOrders[m.machineId].push(orderId);
        _openSlotOrder[slotKey] = true;
        emit OrderPlaced(orderId);
        _lock(keccak256(bytes(orderId)), msg.sender, q.supplier, q.pricePerUnit * quantity, requestedBy + cancellationGrace);
    }

    /// @notice The calling machine confirms an open order's arrival: the slot fills, the escrow pays the supplier and
    /// the supplier's company is rated on time or late.
    /// @param orderId The order.
    function confirmArrival(string calldata orderId) external {
        (Machine storage m, Order storage o) = _openOrderOfCaller(orderId);
        o.onTime = block.timestamp <= o.requestedBy;
        _close(o, ORDER_CLOSED);
        _slot(m, _versions[o.quotationId][o.quotationVersion].materialNumber, "materialNumber").stock += o.quantity;
        Evaluation storage e = _rate(o);
        e.deliveries += 1;
        if (o.onTime) e.onTimeDeliveries += 1;
        _emitRating(o);
        emit OrderDelivered(orderId);
        _release(keccak256(bytes(orderId)));
    }

    /// @notice The calling machine cancels an open order from its requested time plus the grace: the escrow refunds
    /// it and the supplier's company counts a failed delivery.
    /// @param orderId The order.
    function cancelOrder(string calldata orderId) external {
        (, Order storage o) = _openOrderOfCaller(orderId);
        _close(o, ORDER_CANCELLED);
        _rate(o).failedDeliveries += 1;
        _emitRating(o);
        emit OrderCancelled(orderId);
        _refund(keccak256(bytes(orderId)));
    }

    /// @notice An order (status 0 when there is none), read (a signed read) by its machine, its company and its
    /// supplier's company only (and by the book, which checks a service's order).
    /// @param orderId The order.
    /// @return o The record.
    function order(string calldata orderId) external view returns (Order memory o) {
        _requireId(orderId, "orderId");
        o = _orders[orderId];
        if (o.status == 0) return o;
        Quotation storage q = _versions[o.quotationId][o.quotationVersion];
        bool supplierSide = msg.sender == q.supplier || _isCompanyUser(msg.sender, q.supplierCompany);
        if (!supplierSide && msg.sender != book && !isOwnSide(msg.sender, o.machineId)) {
            revert Unauthorized(msg.sender, "an order is read by its machine, its company and its supplier's company only");
        }
    }

    /// @notice The ids of a machine's orders, oldest first, read by the machine and its company only.
    /// @param machineId The machine.
    /// @return The ids.
    function machineOrders(string calldata machineId) external view returns (string[] memory) {
        if (_machines[machineId].key == address(0)) revert NotFound("there is no such machine");
        if (!isOwnSide(msg.sender, machineId)) revert Unauthorized(msg.sender, "a machine's orders are read by the machine and its company only");
        return _machineOrders[machineId];
    }

    /// @notice Whether `reader` is the machine `machineId` or an active user of its company.
    /// @param reader The reader.
    /// @param machineId The machine.
    /// @return True when it is.
    function isOwnSide(address reader, string memory machineId) public view returns (bool) {
        Machine storage m = _machines[machineId];
        return reader == m.key || _isCompanyUser(reader, m.companyId);
    }

    /// @notice A supplier company's delivery record.
    /// @param companyId The company.
    /// @return The record.
    function evaluation(string calldata companyId) external view returns (Evaluation memory) {
        return _evaluations[companyId];
    }

    // ---- Rules ----

    function _requireUser(uint8 role) internal view returns (string memory companyId) {
        if (!members.isActiveUser(msg.sender, role)) revert Unauthorized(msg.sender, "not an active user with the role this needs");
        companyId = members.activeCompanyOf(msg.sender);
    }

    function _isCompanyUser(address account, string memory companyId) private view returns (bool) {
        return members.isActiveMember(account) && keccak256(bytes(members.companyOf(account))) == keccak256(bytes(companyId));
    }

    function _machineCaller(bool activeCompany) internal view returns (Machine storage m) {
        m = _machines[_machineOfKey[msg.sender]];
        if (m.key == address(0)) revert Unauthorized(msg.sender, "not a registered machine");
        if (activeCompany && !members.isActiveCompany(m.companyId)) revert Unauthorized(msg.sender, "the machine's company was removed from the marketplace");
    }

    function _supplierCaller() private view returns (address supplier, string memory companyId) {
        if (bytes(_machineOfKey[msg.sender]).length != 0) {
            Machine storage m = _machineCaller(true);
            return (m.key, m.companyId);
        }
        return (msg.sender, _requireUser(SUPPLIER));
    }

    function _slot(Machine storage m, string memory materialNumber, string memory field) internal view returns (Slot storage) {
        _requireId(materialNumber, field);
        for (uint256 i = 0; i < m.slots.length; i++) {
            if (_same(m.slots[i].materialNumber, materialNumber)) return m.slots[i];
        }
        revert InvalidFormat(string.concat(field, ": the machine has no slot for the material"));
    }

    function _existingQuotation(uint64 quotationId) private view returns (Quotation storage q) {
        q = _versions[quotationId][_latest[quotationId]];
        if (q.quotationId == 0) revert NotFound("there is no such quotation");
    }

    function _saveQuotation(Quotation memory q) private {
        _versions[q.quotationId][q.version] = q;
        _latest[q.quotationId] = q.version;
    }

    function _setApproval(uint64 quotationId, bool approve) private {
        string memory companyId = _requireUser(BUYER);
        _existingQuotation(quotationId);
        bytes32 key = _approvalKey(companyId, quotationId);
        if (_approved[key] == approve) revert Conflict(approve ? "the quotation is already approved for the company" : "the quotation is not approved for the company");
        _approved[key] = approve;
        uint64[] storage list = _approvedList[companyId];
        if (approve) {
            list.push(quotationId);
            emit QuotationApproved(quotationId, companyId, msg.sender);
            return;
        }
        for (uint256 i = 0; i < list.length; i++) {
            if (list[i] == quotationId) {
                list[i] = list[list.length - 1];
                list.pop();
                break;
            }
        }
        emit ApprovalWithdrawn(quotationId, companyId, msg.sender);
    }

    function _openOrderOfCaller(string calldata orderId) private view returns (Machine storage m, Order storage o) {
        // Arrival and cancellation stay open to a machine whose company was removed, so that no escrow is ever stuck.
        m = _machineCaller(false);
        _requireId(orderId, "orderId");
        o = _orders[orderId];
        if (o.status == 0) revert NotFound("there is no such order");
        if (keccak256(bytes(o.machineId)) != keccak256(bytes(m.machineId))) revert Unauthorized(msg.sender, "the order is another machine's");
        if (o.status != ORDER_OPEN) revert Conflict("only an open order arrives or is cancelled");
    }

    function _close(Order storage o, uint8 status) private {
        (o.status, o.closedAt) = (status, uint64(block.timestamp));
        delete _openSlotOrder[_slotKey(o.machineId, _versions[o.quotationId][o.quotationVersion].materialNumber)];
    }

    function _rate(Order storage o) private view returns (Evaluation storage) {
        return _evaluations[_versions[o.quotationId][o.quotationVersion].supplierCompany];
    }

    function _emitRating(Order storage o) private {
        string storage companyId = _versions[o.quotationId][o.quotationVersion].supplierCompany;
        Evaluation storage e = _evaluations[companyId];
        emit SupplierRated(companyId, e.deliveries, e.onTimeDeliveries, e.failedDeliveries);
    }

    function _isValidNow(Quotation storage q) private view returns (bool) {
        return q.validFrom <= block.timestamp && block.timestamp <= q.validUntil;
    }

    function _requireTerms(Quotation calldata terms) private pure {
        _requireId(terms.materialNumber, "materialNumber");
        if (terms.pricePerUnit == 0) revert InvalidFormat("pricePerUnit: a quotation needs a price above 0");
        if (terms.validUntil <= terms.validFrom) revert InvalidFormat("validUntil: the validity window ends before it starts");
        if (terms.deliveryTime == 0) revert InvalidFormat("deliveryTime: a quotation needs a delivery time above 0");
    }

    function _requireQuantity(uint64 quantity, string memory field) internal pure {
        if (quantity == 0 || quantity > MAX_QUANTITY) revert InvalidFormat(string.concat(field, ": use 1 to 10^12 units"));
    }

    function _requireId(string memory id, string memory field) internal pure {
        bytes memory b = bytes(id);
        bool valid = b.length >= 1 && b.length <= 64;
        for (uint256 i = 0; valid && i < b.length; i++) {
            valid = uint8(b[i]) > 0x20 && uint8(b[i]) != 0x7f;
        }
        if (!valid) revert InvalidFormat(string.concat(field, ": not an id; use 1 to 64 printable characters without spaces"));
    }

    function _same(string memory a, string memory b) private pure returns (bool) {
        return keccak256(bytes(a)) == keccak256(bytes(b));
    }

    function _approvalKey(string memory companyId, uint64 quotationId) private pure returns (bytes32) {
        return keccak256(abi.encode(companyId, quotationId));
    }

    function _slotKey(string memory machineId, string memory materialNumber) private pure returns (bytes32) {
        return keccak256(abi.encode(machineId, materialNumber));
    }
}
