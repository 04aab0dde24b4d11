namespace ValueChain.Ledger.InMemory;

/// <summary>
/// Merkle tree hashing as in RFC 6962 / RFC 9162 (Certificate Transparency), with Keccak-256:
/// leaves are H(0x00 ‖ item), nodes H(0x01 ‖ left ‖ right), and the split point is the largest
/// power of two below the size, so no duplicated last leaf can forge a second tree with the same root.
/// </summary>
internal static class MerkleTree
{
    public static Hash32 Root(IReadOnlyList<Hash32> items) =>
        items.Count == 0 ? Hash32.Zero : Root(items, 0, items.Count);

    /// <summary>The audit path of leaf <paramref name="index"/>, leaf to root.</summary>
    public static List<Hash32> Path(IReadOnlyList<Hash32> items, int index)
    {
        var path = new List<Hash32>();
        CollectPath(items, index, 0, items.Count, path);
        return path;
    }

    /// <summary>RFC 9162 §2.1.3.2: verifies an audit path against a root.</summary>
    public static bool Verify(Hash32 item, long index, long size, IReadOnlyList<Hash32> path, Hash32 root)
    {
        if (index < 0 || index >= size)
        {
            return false;
        }

        long fn = index, sn = size - 1;
        Hash32 r = Leaf(item);
        foreach (Hash32 p in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r == root;
    }

    private static Hash32 Root(IReadOnlyList<Hash32> items, int start, int count)
    {
        if (count == 1)
        {
            return Leaf(items[start]);
        }

        int k = SplitPoint(count);
        return Node(Root(items, start, k), Root(items, start + k, count - k));
    }

    private static void CollectPath(IReadOnlyList<Hash32> items, int index, int start, int count, List<Hash32> path)
    {
        if (count <= 1)
        {
            return;
        }

        int k = SplitPoint(count);
        if (index < k)
        {
            CollectPath(items, index, start, k, path);
            path.Add(Root(items, start + k, count - k));
        }
        else
        {
            CollectPath(items, index - k, start + k, count - k, path);
            path.Add(Root(items, start, k));
        }
    }

    // The largest power of two strictly below count.
    private static int SplitPoint(int count) => 1 << (31 - int.LeadingZeroCount(count - 1));

    private static Hash32 Leaf(Hash32 item)
    {
        Span<byte> buffer = stackalloc byte[33];
        buffer[0] = 0x00;
        item.WriteTo(buffer[1..]);
        return Keccak256.Hash(buffer);
    }

    private static Hash32 Node(Hash32 left, Hash32 right)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 0x01;
        left.WriteTo(buffer[1..]);
        right.WriteTo(buffer[33..]);
        return Keccak256.Hash(buffer);
    }
}
