namespace ValueChain.Ledger.InMemory;

/// <summary>
/// What the embedded ledger stores for an executed transaction: its status, result or error, its
/// events and its write set (ordered by key). <see cref="Hash"/> commits to all of it; the block's
/// receipts root commits to every receipt hash.
/// </summary>
public sealed record ReceiptRecord(
    TxId TransactionId,
    TransactionStatus Status,
    string? ResultJson,
    string? ErrorCode,
    string? ErrorMessage,
    IReadOnlyList<EventRecord> Events,
    IReadOnlyList<StateWrite> Writes)
{
    /// <summary>Keccak-256 of the receipt's canonical encoding (the write set enters as its hash).</summary>
    public Hash32 Hash => EncodeForHash(new BinaryEncoder()).Keccak();

    /// <summary>Keccak-256 of the write set's encoding.</summary>
    public Hash32 WriteSetHash => EncodeWrites(new BinaryEncoder()).Keccak();

    internal BinaryEncoder EncodeForHash(BinaryEncoder encoder) => EncodeHead(encoder).Hash(WriteSetHash);

    internal BinaryEncoder Encode(BinaryEncoder encoder) => EncodeWrites(EncodeHead(encoder));

    internal static ReceiptRecord Decode(ref BinaryDecoder decoder)
    {
        var id = new TxId(decoder.Hash());
        var status = (TransactionStatus)decoder.Byte();
        string? result = decoder.String(), code = decoder.String(), message = decoder.String();
        var events = new EventRecord[decoder.UInt32()];
        for (int i = 0; i < events.Length; i++)
        {
            events[i] = new EventRecord(decoder.RequiredString(), decoder.RequiredString(), decoder.RequiredString());
        }

        var writes = new StateWrite[decoder.UInt32()];
        for (int i = 0; i < writes.Length; i++)
        {
            string key = decoder.RequiredString();
            writes[i] = new StateWrite(key, decoder.Byte() == 1 ? decoder.Bytes() : null);
        }

        return new ReceiptRecord(id, status, result, code, message, events, writes);
    }

    private BinaryEncoder EncodeHead(BinaryEncoder encoder)
    {
        encoder.Hash(TransactionId.Hash).Byte((byte)Status).String(ResultJson).String(ErrorCode).String(ErrorMessage).UInt32((uint)Events.Count);
        foreach (EventRecord e in Events)
        {
            encoder.String(e.Chaincode).String(e.Name).String(e.PayloadJson);
        }

        return encoder;
    }

    private BinaryEncoder EncodeWrites(BinaryEncoder encoder)
    {
        encoder.UInt32((uint)Writes.Count);
        foreach (StateWrite write in Writes)
        {
            encoder.String(write.Key);
            if (write.Value is null)
            {
                encoder.Byte(0);
            }
            else
            {
                encoder.Byte(1).Bytes(write.Value);
            }
        }

        return encoder;
    }
}
