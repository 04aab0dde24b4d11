using ValueChain.Cryptography;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// A signed Ethereum transaction as read from its serialisation (what <c>eth_sendRawTransaction</c>
/// carries and <c>eth_getRawTransactionByHash</c> returns): the transaction, its signature and, by
/// recovery, its sender. Reads types 0 (with EIP-155 replay protection), 1 (EIP-2930) and 2 (EIP-1559).
/// </summary>
/// <param name="Transaction">The transaction's fields.</param>
/// <param name="Signature">The signature, with V as 27 or 28 (the y-parity plus 27).</param>
public sealed record SignedEthereumTransaction(EthereumTransaction Transaction, RecoverableSignature Signature)
{
    /// <summary>The transaction hash: Keccak-256 of the signed serialisation.</summary>
    public Hash32 Hash => EthereumTransaction.Hash(Transaction.SignedSerialize(Signature));

    /// <summary>The sender: the address recovered from the signature over the signing hash, under the rules of transactions (EIP-2: low s).</summary>
    /// <exception cref="InvalidSignatureException">The signature is malformed or has a high s.</exception>
    public Address RecoverSender() => Secp256k1.RecoverAddress(Transaction.SigningHash(), Signature, RecoveryMode.Strict);

    /// <summary>Reads a signed transaction from its serialisation.</summary>
    /// <exception cref="ValueChainFormatException">
    /// Not RLP, an unknown type, the wrong number of fields, an integer with leading zeros or too wide,
    /// a recipient that is not 20 bytes, or a legacy transaction without EIP-155 replay protection.
    /// </exception>
    public static SignedEthereumTransaction Decode(ReadOnlySpan<byte> serialized)
    {
        if (serialized.IsEmpty)
        {
            throw Malformed(serialized, "no data");
        }

        // A typed transaction starts with its type byte (below 0x7f); a legacy one is an RLP list (0xc0 and above).
        int type = serialized[0] >= 0xc0 ? 0 : serialized[0];
        RlpItem root = Rlp.Decode(type == 0 ? serialized : serialized[1..]);
        IReadOnlyList<RlpItem> fields = root.Items ?? throw Malformed(serialized, "the payload is not an RLP list");
        int expected = type switch
        {
            0 => 9,
            1 => 11,
            2 => 12,
            _ => throw Malformed(serialized, $"type {type} is not read (expected 0 legacy, 1 EIP-2930 or 2 EIP-1559)"),
        };
        if (fields.Count != expected)
        {
            throw Malformed(serialized, $"a type {type} transaction has {expected} fields, this one {fields.Count}");
        }

        var reader = new FieldReader(fields, serialized);
        return type switch
        {
            0 => Legacy(reader),
            1 => Typed(reader, new EthereumTransaction { Type = 1, ChainId = reader.Integer64(0), Nonce = reader.Integer64(1), GasPrice = reader.Integer(2), GasLimit = reader.Integer64(3) }, 4),
            _ => Typed(reader, new EthereumTransaction { Type = 2, ChainId = reader.Integer64(0), Nonce = reader.Integer64(1), MaxPriorityFeePerGas = reader.Integer(2), MaxFeePerGas = reader.Integer(3), GasLimit = reader.Integer64(4) }, 5),
        };
    }

    private static SignedEthereumTransaction Legacy(FieldReader reader)
    {
        UInt256 v = reader.Integer(6);
        if (v.Value < 35)
        {
            throw Malformed(reader.Serialized, $"v is {v}: a legacy transaction without EIP-155 replay protection (v 27/28) is not read");
        }

        var chainId = (ulong)((v.Value - 35) / 2);
        var transaction = new EthereumTransaction
        {
            Type = 0, ChainId = chainId, Nonce = reader.Integer64(0), GasPrice = reader.Integer(1), GasLimit = reader.Integer64(2),
            To = reader.Recipient(3), Value = reader.Integer(4), Data = reader.Bytes(5),
        };
        return new(transaction, reader.Signature(7, (byte)(27 + (int)((v.Value - 35) % 2))));
    }

    // Types 1 and 2 end alike: to, value, data, access list, y-parity, r, s.
    private static SignedEthereumTransaction Typed(FieldReader reader, EthereumTransaction head, int to)
    {
        UInt256 yParity = reader.Integer(to + 4);
        if (yParity.Value > 1)
        {
            throw Malformed(reader.Serialized, $"the y-parity is {yParity}, not 0 or 1");
        }

        EthereumTransaction transaction = head with
        {
            To = reader.Recipient(to), Value = reader.Integer(to + 1), Data = reader.Bytes(to + 2), AccessList = reader.AccessList(to + 3),
        };
        return new(transaction, reader.Signature(to + 5, (byte)(27 + (int)yParity.Value)));
    }

    private static ValueChainFormatException Malformed(ReadOnlySpan<byte> serialized, string reason) =>
        new("transaction", Hex.Encode(serialized[..Math.Min(serialized.Length, 64)]), reason);

    private readonly ref struct FieldReader(IReadOnlyList<RlpItem> fields, ReadOnlySpan<byte> serialized)
    {
        private readonly IReadOnlyList<RlpItem> _fields = fields;

        public ReadOnlySpan<byte> Serialized { get; } = serialized;

        public byte[] Bytes(int index) => _fields[index].Bytes ?? throw Malformed(Serialized, $"field {index} is a list, not a byte string");

        public UInt256 Integer(int index)
        {
            byte[] bytes = Bytes(index);
            if (bytes.Length > 32 || (bytes.Length > 0 && bytes[0] == 0))
            {
                throw Malformed(Serialized, $"field {index} is not a canonical 256-bit integer ({bytes.Length} bytes{(bytes.Length > 0 && bytes[0] == 0 ? ", leading zeros" : "")})");
            }

            return ValueChain.UInt256.FromBigEndian(bytes);
        }

        public ulong Integer64(int index)
        {
            UInt256 value = Integer(index);
            return value.Value <= ulong.MaxValue ? (ulong)value : throw Malformed(Serialized, $"field {index} ({value}) does not fit 64 bits");
        }

        public Address? Recipient(int index)
        {
            byte[] bytes = Bytes(index);
            return bytes.Length switch
            {
                0 => null,
                20 => new Address(bytes),
                _ => throw Malformed(Serialized, $"the recipient is {bytes.Length} bytes, not 20 (or empty for a contract creation)"),
            };
        }

        public RecoverableSignature Signature(int r, byte v)
        {
            Span<byte> rs = stackalloc byte[64];
            rs.Clear();
            Integer(r).WriteBigEndian(rs[..32]);
            Integer(r + 1).WriteBigEndian(rs[32..]);
            return new RecoverableSignature(new Hash32(rs[..32]), new Hash32(rs[32..]), v);
        }

        public List<AccessListEntry> AccessList(int index)
        {
            IReadOnlyList<RlpItem> entries = _fields[index].Items ?? throw Malformed(Serialized, "the access list is not a list");
            var list = new List<AccessListEntry>(entries.Count);
            foreach (RlpItem entry in entries)
            {
                if (entry.Items is not [{ Bytes: { Length: 20 } account }, { Items: { } keys }])
                {
                    throw Malformed(Serialized, "an access-list entry is not [20-byte address, [storage keys]]");
                }

                list.Add(new AccessListEntry(new Address(account), [.. keys.Select(key => key.Bytes is { Length: 32 } slot
                    ? new Hash32(slot)
                    : throw new ValueChainFormatException("transaction", null, "an access-list storage key is not 32 bytes"))]));
            }

            return list;
        }
    }
}
