using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ValueChain.Testing.Telemetry;

/// <summary>
/// OpenTelemetry's SDK with its in-memory exporters, listening to the named sources and meters, as a host would
/// collect them (linked into the test projects that check what the packages emit).
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    // The exporter adds spans on whichever thread ends them (tests of other classes run in parallel on the same
    // sources), so the list is only touched under its lock.
    private readonly LockedList<Activity> _spans = new();
    private readonly LockedList<MetricSnapshot> _metrics = new();
    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;

    public TelemetryCapture(params string[] names)
    {
        _tracer = Sdk.CreateTracerProviderBuilder().AddSource(names).AddInMemoryExporter(_spans).Build();
        _meter = Sdk.CreateMeterProviderBuilder().AddMeter(names).AddInMemoryExporter(_metrics).Build();
    }

    /// <summary>The finished spans so far whose attribute <paramref name="tag"/> is <paramref name="value"/>.</summary>
    public IReadOnlyList<Activity> Spans(string tag, string value)
    {
        _tracer.ForceFlush();
        return [.. _spans.Snapshot().Where(s => s.GetTagItem(tag) is { } v && Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) == value)];
    }

    /// <summary>The newest exported points of metric <paramref name="name"/> that carry every one of <paramref name="tags"/>.</summary>
    public IReadOnlyList<MetricPoint> Points(string name, params (string Key, string Value)[] tags)
    {
        _metrics.Clear();
        _meter.ForceFlush();
        MetricSnapshot? snapshot = _metrics.LastOrDefault(m => m.Name == name);
        return snapshot is null ? [] : [.. snapshot.MetricPoints.Where(p => tags.All(t => HasTag(p, t.Key, t.Value)))];
    }

    /// <summary>The unit metric <paramref name="name"/> is exported with.</summary>
    public string? Unit(string name)
    {
        _metrics.Clear();
        _meter.ForceFlush();
        return _metrics.LastOrDefault(m => m.Name == name)?.Unit;
    }

    /// <summary>The sum of counter <paramref name="name"/> over its points carrying <paramref name="tags"/>.</summary>
    public long Sum(string name, params (string Key, string Value)[] tags) => Points(name, tags).Sum(p => p.GetSumLong());

    /// <summary>How many measurements histogram <paramref name="name"/> took over its points carrying <paramref name="tags"/>.</summary>
    public long Count(string name, params (string Key, string Value)[] tags) => Points(name, tags).Sum(p => p.GetHistogramCount());

    public static bool HasTag(MetricPoint point, string key, string value)
    {
        foreach (KeyValuePair<string, object?> tag in point.Tags)
        {
            if (tag.Key == key && Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) == value)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        _tracer.Dispose();
        _meter.Dispose();
    }

    private sealed class LockedList<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count
        {
            get
            {
                lock (_items)
                {
                    return _items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public T[] Snapshot()
        {
            lock (_items)
            {
                return [.. _items];
            }
        }

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            lock (_items)
            {
                _items.Clear();
            }
        }

        public bool Contains(T item)
        {
            lock (_items)
            {
                return _items.Contains(item);
            }
        }

        public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

        public bool Remove(T item)
        {
            lock (_items)
            {
                return _items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Snapshot()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
