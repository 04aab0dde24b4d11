namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// The rule every application's Ethereum options share, written once: the contracts come from a deployment
/// manifest or from explicit addresses, exactly one of the two, and every address given parses.
/// </summary>
public static class ApplicationContractsOptions
{
    /// <summary>The problems of an options class <paramref name="optionsName"/>, each naming the setting to change; empty when it is valid.</summary>
    /// <param name="optionsName">The options class, for the messages (for example <c>TraceabilityEthereumOptions</c>).</param>
    /// <param name="manifestPath">Its manifest path setting.</param>
    /// <param name="addresses">Its address settings, by name.</param>
    public static IReadOnlyList<string> Check(string optionsName, string? manifestPath, IReadOnlyList<(string Setting, string? Value)> addresses)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(optionsName);
        ArgumentNullException.ThrowIfNull(addresses);
        var failures = new List<string>();
        bool anyAddress = addresses.Any(a => a.Value is not null);
        string names = string.Join(", ", addresses.Select(a => $"{optionsName}.{a.Setting}"));
        if (manifestPath is not null && string.IsNullOrWhiteSpace(manifestPath))
        {
            failures.Add($"{optionsName}.ManifestPath must be a file path when set.");
        }

        if (manifestPath is null && !anyAddress)
        {
            failures.Add($"Set {optionsName}.ManifestPath (deploy the contracts, or bind to those it records) or the contracts' addresses ({names}).");
        }
        else if (manifestPath is not null && anyAddress)
        {
            failures.Add($"Set either {optionsName}.ManifestPath or the contracts' addresses ({names}), not both.");
        }
        else if (manifestPath is null)
        {
            foreach ((string setting, string? value) in addresses)
            {
                if (value is null)
                {
                    failures.Add($"{optionsName}.{setting} must be set along with the other addresses ({names}).");
                }
                else if (!Address.TryParse(value, out _))
                {
                    failures.Add($"{optionsName}.{setting} must be a 0x-prefixed 20-byte hex address, not '{value}'.");
                }
            }
        }

        return failures;
    }
}
