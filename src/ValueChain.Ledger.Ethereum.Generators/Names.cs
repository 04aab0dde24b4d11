using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ValueChain.Ledger.Ethereum.Generators;

/// <summary>C# names for Solidity identifiers.</summary>
internal static class Names
{
    public static string Pascal(string name, string fallback)
    {
        string trimmed = name.TrimStart('_');
        if (trimmed.Length == 0)
        {
            return fallback;
        }

        var builder = new StringBuilder(trimmed.Length);
        bool upper = true;
        foreach (char c in trimmed)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    public static string Camel(string name, string fallback)
    {
        string pascal = Pascal(name, fallback);
        string camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
    }

    public static bool IsIdentifier(string name) => name.Length > 0 && SyntaxFacts.IsValidIdentifier(name) && name.All(c => c < 128);

    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
