import { lazy, Suspense, type ComponentProps } from 'react';

// ECharts is most of the console's weight and only three pages draw: it comes in its own file, fetched from the
// service the first time a chart is shown, so sign-in and the forms load without it.
const LazyBarChart = lazy(() => import('./BarChart').then((m) => ({ default: m.BarChart })));
const LazyLineChart = lazy(() => import('./LineChart').then((m) => ({ default: m.LineChart })));

const loading = <p className="loading">Đang tải biểu đồ…</p>;

export function BarChart(props: ComponentProps<typeof LazyBarChart>) {
  return (
    <Suspense fallback={loading}>
      <LazyBarChart {...props} />
    </Suspense>
  );
}

export function LineChart(props: ComponentProps<typeof LazyLineChart>) {
  return (
    <Suspense fallback={loading}>
      <LazyLineChart {...props} />
    </Suspense>
  );
}
