namespace ValueChain.Mqtt;

/// <summary>The MQTT v5 rules for topic filters (section 4.7), checked before a filter reaches a broker's ACL.</summary>
public static class MqttTopicFilter
{
    /// <summary>Throws when <paramref name="filter"/> is not a valid topic filter; <paramref name="owner"/> names where it came from.</summary>
    /// <exception cref="ValueChainFormatException">The filter is empty, has a misplaced wildcard, or contains a control or NUL character.</exception>
    public static void Validate(string filter, string owner)
    {
        if (string.IsNullOrEmpty(filter) || filter.Any(char.IsControl))
        {
            throw new ValueChainFormatException($"{owner} topic filter", filter, "must be non-empty and contain no control characters");
        }

        string[] levels = filter.Split('/');
        for (int i = 0; i < levels.Length; i++)
        {
            string level = levels[i];
            bool misplacedHash = level.Contains('#') && (level != "#" || i != levels.Length - 1);
            bool misplacedPlus = level.Contains('+') && level != "+";
            if (misplacedHash || misplacedPlus)
            {
                throw new ValueChainFormatException($"{owner} topic filter", filter, "a wildcard must fill a whole level, and '#' may only be the last level");
            }
        }
    }
}
