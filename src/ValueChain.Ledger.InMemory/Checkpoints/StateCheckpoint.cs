using System.Buffers.Binary;
using System.Text;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// A checkpoint file: the world state and the senders' nonces after one block, bound to that block's
/// hash and state hash. Layout: <c>"VCS1" ‖ block number ‖ block hash ‖ state hash ‖ nonce count ‖
/// (address ‖ next nonce)* ‖ entry count ‖ (key ‖ value)* ‖ Keccak-256 of everything before</c>, keys in
/// ordinal order and nonces by address, so the same state always gives the same bytes.
/// </summary>
internal static class StateCheckpoint
{
    private static readonly byte[] Magic = "VCS1"u8.ToArray();

    /// <summary>Writes the checkpoint to <paramref name="path"/> and flushes it to disk.</summary>
    public static void Write(string path, EmbeddedBlockHeader block, StateSnapshot state, IReadOnlyList<KeyValuePair<Address, ulong>> nonces)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var output = new HashingWriter(file);
        output.Write(Magic);
        output.Int64(block.Number);
        output.Hash(block.Hash);
        output.Hash(state.Hash.ToHash32());
        output.Int32(nonces.Count);
        Span<byte> address = stackalloc byte[20];
        foreach ((Address sender, ulong next) in nonces)
        {
            sender.WriteTo(address);
            output.Write(address);
            output.Int64((long)next);
        }

        output.Int64(state.Keys.Count);
        foreach (string key in state.Keys)
        {
            output.Bytes(Encoding.UTF8.GetBytes(key));
            output.Bytes(state.Values[key]);
        }

        output.Finish();
        file.Flush(flushToDisk: true);
    }

    /// <summary>Writes the entries of a state in checkpoint form (keys in ordinal order): equal states give equal bytes.</summary>
    public static byte[] EncodeState(StateSnapshot state)
    {
        using var memory = new MemoryStream();
        var output = new HashingWriter(memory);
        foreach (string key in state.Keys)
        {
            output.Bytes(Encoding.UTF8.GetBytes(key));
            output.Bytes(state.Values[key]);
        }

        return memory.ToArray();
    }

    /// <summary>Reads a checkpoint and rebuilds its state, recomputing the state hash from the entries.</summary>
    /// <exception cref="InvalidDataException">The file is not a whole, unaltered checkpoint; the message says what is wrong.</exception>
    public static LoadedCheckpoint Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var input = new HashingReader(file);
        if (!input.Take(4).SequenceEqual(Magic))
        {
            throw new InvalidDataException("it is not a checkpoint (wrong magic)");
        }

        long number = input.Int64();
        Hash32 blockHash = input.Hash(), stateHash = input.Hash();
        int nonceCount = input.Int32();
        var nonces = new Dictionary<Address, ulong>(nonceCount);
        for (int i = 0; i < nonceCount; i++)
        {
            nonces[new Address(input.Take(20))] = (ulong)input.Int64();
        }

        long entries = input.Int64();
        var state = new StateBuilder(StateSnapshot.Empty);
        var batch = new List<StateWrite>(1024);
        for (long i = 0; i < entries; i++)
        {
            batch.Add(new StateWrite(Encoding.UTF8.GetString(input.Bytes()), input.Bytes()));
            if (batch.Count == batch.Capacity)
            {
                state.Apply(batch);
                batch.Clear();
            }
        }

        state.Apply(batch);
        Hash32 computed = input.Hash32Of();
        Hash32 recorded = input.Hash();
        if (computed != recorded)
        {
            throw new InvalidDataException("its checksum does not match its content (damaged or altered)");
        }

        if (file.Position != file.Length)
        {
            throw new InvalidDataException("it has trailing bytes after its checksum");
        }

        if (state.CurrentHash != stateHash)
        {
            throw new InvalidDataException($"its entries hash to {state.CurrentHash}, not to the state hash {stateHash} it records");
        }

        return new LoadedCheckpoint(number, blockHash, stateHash, state, nonces);
    }

    private sealed class HashingWriter(Stream stream)
    {
        private readonly Keccak256Hasher _hasher = new();

        public void Write(ReadOnlySpan<byte> bytes)
        {
            _hasher.Append(bytes);
            stream.Write(bytes);
        }

        public void Int32(int value)
        {
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(bytes, value);
            Write(bytes);
        }

        public void Int64(long value)
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteInt64BigEndian(bytes, value);
            Write(bytes);
        }

        public void Hash(Hash32 hash)
        {
            Span<byte> bytes = stackalloc byte[32];
            hash.WriteTo(bytes);
            Write(bytes);
        }

        public void Bytes(ReadOnlySpan<byte> value)
        {
            Int32(value.Length);
            Write(value);
        }

        public void Finish() => stream.Write(_hasher.GetHashAndReset().ToArray());
    }

    private sealed class HashingReader(Stream stream)
    {
        private readonly Keccak256Hasher _hasher = new();

        public byte[] Take(int length)
        {
            if (length < 0 || length > stream.Length - stream.Position)
            {
                throw new InvalidDataException($"it is truncated ({length} bytes wanted at byte {stream.Position} of {stream.Length})");
            }

            byte[] bytes = new byte[length];
            stream.ReadExactly(bytes);
            _hasher.Append(bytes);
            return bytes;
        }

        public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

        public long Int64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

        public Hash32 Hash() => new(Take(32));

        public byte[] Bytes() => Take(Int32());

        // The hash of everything read so far (the checksum itself is read after).
        public Hash32 Hash32Of()
        {
            Hash32 hash = _hasher.GetHashAndReset();
            return hash;
        }
    }
}
