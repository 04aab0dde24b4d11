using CsCheck;

namespace ValueChain.Ledger.Fabric.Tests;

/// <summary>Fabric signature policies: parsed from the policy language, evaluated as the peer's validator (cauthdsl) does.</summary>
public sealed class EndorsementPolicyTests
{
    private static readonly string[] Msps = ["Org1MSP", "Org2MSP", "Org3MSP", "Org4MSP", "Org5MSP", "Org6MSP"];

    private static PolicyEndorser Peer(string msp) => new(msp);

    [Theory]
    [InlineData("AND('Org1MSP.peer','Org2MSP.peer')", "AND('Org1MSP.peer', 'Org2MSP.peer')")]
    [InlineData("or( 'Org1MSP.member' , 'Org2MSP.admin' )", "OR('Org1MSP.member', 'Org2MSP.admin')")]
    [InlineData("OutOf(2, 'Org1MSP.peer', 'Org2MSP.peer', 'Org3MSP.peer')", "OutOf(2, 'Org1MSP.peer', 'Org2MSP.peer', 'Org3MSP.peer')")]
    [InlineData("AND('Org1MSP.peer', OR('Org2MSP.peer', 'Org3MSP.peer'))", "AND('Org1MSP.peer', OR('Org2MSP.peer', 'Org3MSP.peer'))")]
    [InlineData("'Org1.dept.MSP.client'", "'Org1.dept.MSP.client'")]
    public void Policies_parse_and_print_in_fabrics_language(string text, string printed)
    {
        EndorsementPolicy policy = EndorsementPolicy.Parse(text);

        Assert.Equal(printed, policy.ToString());
        Assert.Equal(printed, EndorsementPolicy.Parse(printed).ToString());
    }

    [Theory]
    [InlineData("AND(", "position 4")]
    [InlineData("XOR('Org1MSP.peer')", "expected AND, OR, OutOf")]
    [InlineData("OutOf(3, 'Org1MSP.peer', 'Org2MSP.peer')", "1 ≤ n ≤ 2")]
    [InlineData("OutOf(0, 'Org1MSP.peer')", "not 0")]
    [InlineData("OutOf(x, 'Org1MSP.peer')", "whole number")]
    [InlineData("'Org1MSP.king'", "not 'Org1MSP.king'")]
    [InlineData("'Org1MSP.1'", "not 'Org1MSP.1'")]
    [InlineData("'Org1MSP'", "not 'Org1MSP'")]
    [InlineData("'Org1MSP.peer", "unterminated")]
    [InlineData("AND('Org1MSP.peer') AND", "after the policy")]
    [InlineData("", "expected AND, OR, OutOf")]
    public void A_malformed_policy_is_a_typed_error_naming_the_problem(string text, string reason)
    {
        var error = Assert.Throws<ValueChainFormatException>(() => EndorsementPolicy.Parse(text));

        Assert.Equal(ErrorCodes.InvalidFormat, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_identity_counts_for_one_principal_only()
    {
        EndorsementPolicy twoOfOrg1 = EndorsementPolicy.Parse("AND('Org1MSP.peer', 'Org1MSP.peer')");

        Assert.False(twoOfOrg1.IsSatisfiedBy([Peer("Org1MSP")]));
        Assert.True(twoOfOrg1.IsSatisfiedBy([Peer("Org1MSP"), Peer("Org1MSP")]));
    }

    [Fact]
    public void Any_role_is_a_member_but_a_client_is_not_a_peer()
    {
        Assert.True(EndorsementPolicy.Parse("'Org1MSP.member'").IsSatisfiedBy([Peer("Org1MSP")]));
        Assert.False(EndorsementPolicy.Parse("'Org1MSP.peer'").IsSatisfiedBy([new PolicyEndorser("Org1MSP", EndorserRole.Client)]));
        Assert.False(EndorsementPolicy.Parse("'Org1MSP.peer'").IsSatisfiedBy([Peer("Org2MSP")]));
    }

    [Fact]
    public void Two_of_three_is_met_by_any_two_organisations_and_not_by_one()
    {
        EndorsementPolicy policy = EndorsementPolicy.Parse("OutOf(2, 'Org1MSP.peer', 'Org2MSP.peer', 'Org3MSP.peer')");

        Assert.True(policy.IsSatisfiedBy([Peer("Org1MSP"), Peer("Org3MSP")]));
        Assert.True(policy.IsSatisfiedBy([Peer("Org3MSP"), Peer("Org2MSP")]));
        Assert.False(policy.IsSatisfiedBy([Peer("Org2MSP"), Peer("Org4MSP")]));
        Assert.False(policy.IsSatisfiedBy([]));
    }

    [Fact]
    public void A_set_satisfies_a_policy_exactly_when_the_reference_evaluation_says_so()
    {
        // Policies whose leaves name distinct MSPs: there an identity can serve one leaf only, so the validator's
        // greedy evaluation must agree with the plain boolean reading of AND / OR / OutOf.
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 63], Gen.Int[0, 63]).Sample((seed, present, asClients) =>
        {
            var random = new Random(seed);
            var free = new Queue<string>(Msps.OrderBy(_ => random.Next()));
            Node tree = RandomTree(random, free, depth: 0);
            PolicyEndorser[] endorsers = [.. Msps.Where((_, i) => (present >> i & 1) == 1)
                .Select((msp, i) => new PolicyEndorser(msp, (asClients >> i & 1) == 1 ? EndorserRole.Client : EndorserRole.Peer))
                .OrderBy(_ => random.Next())];

            EndorsementPolicy policy = EndorsementPolicy.Parse(tree.Text);

            Assert.Equal(tree.Holds(endorsers), policy.IsSatisfiedBy(endorsers));
            Assert.Equal(tree.Holds(endorsers), EndorsementPolicy.Parse(policy.ToString()).IsSatisfiedBy(endorsers));
        }, iter: 2000);
    }

    private abstract record Node(string Text)
    {
        public abstract bool Holds(IReadOnlyList<PolicyEndorser> endorsers);
    }

    private sealed record Leaf(string Msp, EndorserRole Role) : Node($"'{Msp}.{Role.ToString().ToLowerInvariant()}'")
    {
        public override bool Holds(IReadOnlyList<PolicyEndorser> endorsers) =>
            endorsers.Any(e => e.MspId == Msp && (Role == EndorserRole.Member || e.Role == Role));
    }

    private sealed record Gate(int N, IReadOnlyList<Node> Children)
        : Node($"OutOf({N}, {string.Join(", ", Children.Select(c => c.Text))})")
    {
        public override bool Holds(IReadOnlyList<PolicyEndorser> endorsers) => Children.Count(c => c.Holds(endorsers)) >= N;
    }

    private static Node RandomTree(Random random, Queue<string> free, int depth)
    {
        if (free.Count == 1 || depth >= 3 || random.Next(3) == 0)
        {
            return new Leaf(free.Dequeue(), random.Next(3) switch { 0 => EndorserRole.Member, 1 => EndorserRole.Peer, _ => EndorserRole.Client });
        }

        int count = random.Next(2, Math.Min(4, free.Count) + 1);
        var children = new List<Node>();
        for (int i = 0; i < count && free.Count > 0; i++)
        {
            children.Add(RandomTree(random, free, depth + 1));
        }

        return new Gate(random.Next(1, children.Count + 1), children);
    }
}
