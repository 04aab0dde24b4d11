// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title BindingsProbe
/// @notice A test contract for the Ethereum driver: it exercises what the ABI codec and the generated
/// bindings must handle (structs, nested arrays, bytes, strings, signed integers, events with indexed,
/// dynamic-indexed and data fields, an anonymous event) and the three kinds of revert.
contract BindingsProbe {
    struct Item {
        uint64 id;
        string label;
        bytes payload;
        address owner;
    }

    struct Batch {
        bytes32 key;
        Item[] items;
        uint16[3] weights;
    }

    event ItemStored(uint64 indexed id, address indexed owner, string label, bytes payload);
    event BatchStored(bytes32 indexed key, uint256 count, Item[] items);
    event Tagged(string indexed tag, int32 delta, bool flag) anonymous;

    error NotOwner(address caller, uint64 id, string label);
    error EmptyBatch();

    mapping(uint64 id => Item) private _items;
    uint64[] private _ids;
    uint256 public counter;

    constructor(uint256 start) {
        counter = start;
    }

    /// @notice Stores one item; only its owner may overwrite it later.
    function store(Item calldata item) external {
        Item storage existing = _items[item.id];
        if (existing.owner != address(0) && existing.owner != msg.sender) {
            revert NotOwner(msg.sender, item.id, existing.label);
        }
        if (existing.owner == address(0)) {
            _ids.push(item.id);
        }
        _items[item.id] = item;
        emit ItemStored(item.id, item.owner, item.label, item.payload);
    }

    /// @notice Stores every item of a batch and returns how many it held.
    function storeBatch(Batch calldata batch) external returns (uint256 count) {
        if (batch.items.length == 0) {
            revert EmptyBatch();
        }
        for (uint256 i = 0; i < batch.items.length; i++) {
            Item calldata item = batch.items[i];
            if (_items[item.id].owner == address(0)) {
                _ids.push(item.id);
            }
            _items[item.id] = item;
        }
        emit BatchStored(batch.key, batch.items.length, batch.items);
        return batch.items.length;
    }

    function get(uint64 id) external view returns (Item memory) {
        return _items[id];
    }

    function ids() external view returns (uint64[] memory) {
        return _ids;
    }

    /// @notice Returns its arguments unchanged, so that a round trip through the node checks the codec.
    function echo(string calldata text, bytes calldata data, int128 signed, bool flag, bytes4 code, uint8[] calldata small, address[2] calldata pair)
        external
        pure
        returns (string memory, bytes memory, int128, bool, bytes4, uint8[] memory, address[2] memory)
    {
        return (text, data, signed, flag, code, small, pair);
    }

    function tag(string calldata label, int32 delta, bool flag) external {
        emit Tagged(label, delta, flag);
    }

    function increment() external returns (uint256) {
        return ++counter;
    }

    function deposit() external payable returns (uint256) {
        return address(this).balance;
    }

    function failWithReason(string calldata reason) external pure {
        require(false, reason);
    }

    function divide(uint256 numerator, uint256 denominator) external pure returns (uint256) {
        return numerator / denominator;
    }

    function failWithCustomError(uint64 id) external view {
        revert NotOwner(msg.sender, id, _items[id].label);
    }
}
