using System.Globalization;
using Google.Protobuf;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// A Fabric signature policy (<c>AND</c>, <c>OR</c>, <c>OutOf</c> over <c>'MSP.role'</c> principals), parsed from
/// Fabric's policy language and evaluated as the peer's validator does (common/cauthdsl): each identity counts
/// for one principal at most, the rules of an <c>OutOf</c> are tried in order, and a rule that is met keeps the
/// identities it used.
/// </summary>
public sealed class EndorsementPolicy
{
    private readonly Rule _rule;

    private EndorsementPolicy(Rule rule) => _rule = rule;

    /// <summary>Every principal the policy names, in order of first appearance.</summary>
    public IReadOnlyList<PolicyPrincipal> Principals => [.. _rule.Leaves().Distinct()];

    /// <summary>
    /// Parses Fabric's policy language: <c>AND(p, …)</c>, <c>OR(p, …)</c>, <c>OutOf(n, p, …)</c> (case-insensitive
    /// names, any nesting) over principals <c>'MspId.role'</c> with role member, admin, client, peer or orderer.
    /// </summary>
    /// <exception cref="ValueChainFormatException">The text is not a policy; the message names the position and what was wrong.</exception>
    public static EndorsementPolicy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        Rule rule = parser.Policy();
        parser.End();
        return new EndorsementPolicy(rule);
    }

    /// <summary>Whether <paramref name="endorsers"/> (each identity once) satisfy the policy, as the peer's validator decides.</summary>
    public bool IsSatisfiedBy(IReadOnlyList<PolicyEndorser> endorsers)
    {
        ArgumentNullException.ThrowIfNull(endorsers);
        return _rule.Evaluate(endorsers, new bool[endorsers.Count]);
    }

    /// <summary>The policy in Fabric's policy language.</summary>
    public override string ToString() => _rule.ToString();

    /// <summary>The policy as a chaincode definition carries it (the validation parameter): an application policy holding the signature policy envelope.</summary>
    internal Google.Protobuf.ByteString ToValidationParameter() =>
        new Protos.ApplicationPolicy { SignaturePolicy = ToSignaturePolicyEnvelope() }.ToByteString();

    /// <summary>The policy as Fabric's signature policy envelope (identities as MSP roles, the rule over their indexes).</summary>
    internal Common.SignaturePolicyEnvelope ToSignaturePolicyEnvelope()
    {
        var identities = new List<PolicyPrincipal>();
        Common.SignaturePolicy rule = _rule.ToProto(identities);
        var envelope = new Common.SignaturePolicyEnvelope { Version = 0, Rule = rule };
        envelope.Identities.AddRange(identities.Select(p => new Common.MSPPrincipal
        {
            PrincipalClassification = Common.MSPPrincipal.Types.Classification.Role,
            Principal = new Common.MSPRole { MspIdentifier = p.MspId, Role = (Common.MSPRole.Types.MSPRoleType)(int)p.Role }.ToByteString(),
        }));
        return envelope;
    }

    private abstract record Rule
    {
        public abstract bool Evaluate(IReadOnlyList<PolicyEndorser> endorsers, bool[] used);

        public abstract IEnumerable<PolicyPrincipal> Leaves();

        // Principals are numbered in order of first appearance, as Fabric's policydsl does.
        public abstract Common.SignaturePolicy ToProto(List<PolicyPrincipal> identities);
    }

    private sealed record SignedBy(PolicyPrincipal Principal) : Rule
    {
        public override bool Evaluate(IReadOnlyList<PolicyEndorser> endorsers, bool[] used)
        {
            for (int i = 0; i < endorsers.Count; i++)
            {
                if (!used[i] && Principal.IsSatisfiedBy(endorsers[i]))
                {
                    used[i] = true;
                    return true;
                }
            }

            return false;
        }

        public override IEnumerable<PolicyPrincipal> Leaves() => [Principal];

        public override Common.SignaturePolicy ToProto(List<PolicyPrincipal> identities)
        {
            int index = identities.IndexOf(Principal);
            if (index < 0)
            {
                index = identities.Count;
                identities.Add(Principal);
            }

            return new Common.SignaturePolicy { SignedBy = index };
        }

        public override string ToString() => Principal.ToString();
    }

    private sealed record OutOf(int N, IReadOnlyList<Rule> Rules) : Rule
    {
        public override bool Evaluate(IReadOnlyList<PolicyEndorser> endorsers, bool[] used)
        {
            // As cauthdsl: each rule tries on a copy of the used marks, and keeps them only when it is met.
            int met = 0;
            var tentative = new bool[used.Length];
            foreach (Rule rule in Rules)
            {
                Array.Copy(used, tentative, used.Length);
                if (rule.Evaluate(endorsers, tentative))
                {
                    met++;
                    Array.Copy(tentative, used, used.Length);
                }
            }

            return met >= N;
        }

        public override IEnumerable<PolicyPrincipal> Leaves() => Rules.SelectMany(r => r.Leaves());

        public override Common.SignaturePolicy ToProto(List<PolicyPrincipal> identities)
        {
            var outOf = new Common.SignaturePolicy.Types.NOutOf { N = N };
            outOf.Rules.AddRange(Rules.Select(r => r.ToProto(identities)));
            return new Common.SignaturePolicy { NOutOf = outOf };
        }

        public override string ToString() =>
            N == Rules.Count ? $"AND({string.Join(", ", Rules)})"
            : N == 1 ? $"OR({string.Join(", ", Rules)})"
            : $"OutOf({N.ToString(CultureInfo.InvariantCulture)}, {string.Join(", ", Rules)})";
    }

    private ref struct Parser(string text)
    {
        private readonly string _text = text;
        private int _at;

        public Rule Policy()
        {
            Skip();
            if (Peek() == '\'')
            {
                return new SignedBy(Principal());
            }

            int start = _at;
            while (_at < _text.Length && char.IsAsciiLetter(_text[_at]))
            {
                _at++;
            }

            string name = _text[start.._at].ToUpperInvariant();
            if (name is not ("AND" or "OR" or "OUTOF"))
            {
                throw Error(start, $"expected AND, OR, OutOf or a quoted principal, not '{_text[start.._at]}'");
            }

            Expect('(');
            int n = 0;
            if (name == "OUTOF")
            {
                n = Number();
                Expect(',');
            }

            var rules = new List<Rule> { Policy() };
            while (TryTake(','))
            {
                rules.Add(Policy());
            }

            Expect(')');
            n = name switch { "AND" => rules.Count, "OR" => 1, _ => n };
            if (n < 1 || n > rules.Count)
            {
                throw Error(start, $"OutOf needs 1 ≤ n ≤ {rules.Count} (its rules), not {n}");
            }

            return new OutOf(n, rules);
        }

        public readonly void End()
        {
            int at = _at;
            while (at < _text.Length && char.IsWhiteSpace(_text[at]))
            {
                at++;
            }

            if (at != _text.Length)
            {
                throw Error(at, "unexpected text after the policy");
            }
        }

        private PolicyPrincipal Principal()
        {
            int start = _at;
            Expect('\'');
            int close = _text.IndexOf('\'', _at);
            if (close < 0)
            {
                throw Error(start, "unterminated principal");
            }

            string body = _text[_at..close];
            _at = close + 1;
            int dot = body.LastIndexOf('.');
            if (dot <= 0 || !Enum.TryParse(body[(dot + 1)..], ignoreCase: true, out EndorserRole role) || !Enum.IsDefined(role) || char.IsDigit(body[dot + 1]))
            {
                throw Error(start, $"a principal is 'MspId.role' with role member, admin, client, peer or orderer, not '{body}'");
            }

            return new PolicyPrincipal(body[..dot], role);
        }

        private int Number()
        {
            Skip();
            int start = _at;
            while (_at < _text.Length && char.IsAsciiDigit(_text[_at]))
            {
                _at++;
            }

            return _at > start && int.TryParse(_text.AsSpan(start, _at - start), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                ? n
                : throw Error(start, "OutOf needs a whole number first");
        }

        private void Expect(char c)
        {
            if (!TryTake(c))
            {
                throw Error(_at, $"expected '{c}'");
            }
        }

        private bool TryTake(char c)
        {
            Skip();
            if (Peek() != c)
            {
                return false;
            }

            _at++;
            return true;
        }

        private readonly char Peek() => _at < _text.Length ? _text[_at] : '\0';

        private void Skip()
        {
            while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
            {
                _at++;
            }
        }

        private readonly ValueChainFormatException Error(int at, string reason) =>
            new("policy", _text, $"at position {at}: {reason}");
    }
}
