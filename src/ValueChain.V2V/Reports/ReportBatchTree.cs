using System.Text;

namespace ValueChain.V2V;

/// <summary>
/// The Merkle tree of a batch of reports, the shape RFC 9162 gives (and the embedded ledger's block trees use), with
/// its own domain: a leaf is Keccak-256(0x00 ‖ <see cref="Domain"/> ‖ report digest), a node Keccak-256(0x01 ‖ left ‖
/// right), and the split point the largest power of two below the size. The tag keeps a batch root from ever equalling
/// another tree's root over the same hashes, the prefixes keep leaves and nodes apart, and the verification binds the
/// leaf's index; the size is the anchored batch's (RFC 9162 paths do not bind it on their own), never the prover's.
/// </summary>
public static class ReportBatchTree
{
    /// <summary>The domain tag: Keccak-256 of "ValueChain.V2V.ReportBatch.v1".</summary>
    public static Hash32 Domain { get; } = Keccak256.Hash(Encoding.ASCII.GetBytes("ValueChain.V2V.ReportBatch.v1"));

    /// <summary>The root of a batch of report digests (at least one).</summary>
    /// <exception cref="ArgumentException">The batch is empty.</exception>
    public static Hash32 Root(IReadOnlyList<Hash32> digests)
    {
        ArgumentNullException.ThrowIfNull(digests);
        ArgumentOutOfRangeException.ThrowIfZero(digests.Count);
        return Subtree(digests, 0, digests.Count);
    }

    /// <summary>The audit path of the report at <paramref name="index"/>, from its leaf up.</summary>
    public static IReadOnlyList<Hash32> Path(IReadOnlyList<Hash32> digests, int index)
    {
        ArgumentNullException.ThrowIfNull(digests);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, digests.Count);
        var path = new List<Hash32>();
        int start = 0, count = digests.Count;
        var siblings = new Stack<Hash32>();
        while (count > 1)
        {
            int k = Split(count);
            if (index - start < k)
            {
                siblings.Push(Subtree(digests, start + k, count - k));
                count = k;
            }
            else
            {
                siblings.Push(Subtree(digests, start, k));
                start += k;
                count -= k;
            }
        }

        path.AddRange(siblings);
        return path;
    }

    /// <summary>Whether <paramref name="digest"/> is leaf <paramref name="index"/> of the batch of <paramref name="size"/> reports with root <paramref name="root"/> (RFC 9162 §2.1.3.2).</summary>
    public static bool Verify(Hash32 digest, long index, long size, IReadOnlyList<Hash32> path, Hash32 root)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (index < 0 || index >= size)
        {
            return false;
        }

        long fn = index, sn = size - 1;
        Hash32 r = Leaf(digest);
        foreach (Hash32 sibling in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = Node(sibling, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = Node(r, sibling);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r == root;
    }

    /// <summary>The leaf hash of a report digest.</summary>
    public static Hash32 Leaf(Hash32 digest)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Hash32.Length)];
        buffer[0] = 0x00;
        Domain.WriteTo(buffer[1..]);
        digest.WriteTo(buffer[(1 + Hash32.Length)..]);
        return Keccak256.Hash(buffer);
    }

    private static Hash32 Node(Hash32 left, Hash32 right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Hash32.Length)];
        buffer[0] = 0x01;
        left.WriteTo(buffer[1..]);
        right.WriteTo(buffer[(1 + Hash32.Length)..]);
        return Keccak256.Hash(buffer);
    }

    private static Hash32 Subtree(IReadOnlyList<Hash32> digests, int start, int count)
    {
        if (count == 1)
        {
            return Leaf(digests[start]);
        }

        int k = Split(count);
        return Node(Subtree(digests, start, k), Subtree(digests, start + k, count - k));
    }

    // The largest power of two strictly below count (count ≥ 2).
    private static int Split(int count) => 1 << (31 - int.LeadingZeroCount(count - 1));
}
