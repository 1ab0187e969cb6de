/**
 * Opinions per day (bars) and the share who will return (line), drawn by uPlot: small (about
 * 50 kB), fast with hundreds of points, well kept. This module is loaded only when the
 * dashboard shows its stats. The canvas is hidden from screen readers; the same numbers are in
 * the table beside it.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DayCount } from '../../domain/dashboard';

function dayToSeconds(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 1000;
}

function plotOf(element: HTMLElement, days: readonly DayCount[]): uPlot {
  const data: uPlot.AlignedData = [
    days.map((day) => dayToSeconds(day.day)),
    days.map((day) => day.total),
    days.map((day) => (day.total === 0 ? null : Math.round((day.willReturn / day.total) * 100))),
  ];
  const options: uPlot.Options = {
    width: Math.max(240, element.clientWidth),
    height: 220,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, pct: { auto: false, range: [0, 100] } },
    axes: [
      { stroke: '#4a5563' },
      { label: 'Opinions', stroke: '#4a5563', size: 50 },
      { label: 'Will return %', scale: 'pct', side: 1, stroke: '#17643a', grid: { show: false }, size: 50 },
    ],
    series: [
      {},
      {
        label: 'Opinions',
        stroke: '#1d4f91',
        fill: 'rgba(29, 79, 145, 0.35)',
        paths: uPlot.paths.bars?.({ size: [0.7, 40] }),
        points: { show: false },
      },
      { label: 'Will return %', scale: 'pct', stroke: '#17643a', width: 2, spanGaps: true },
    ],
  };
  return new uPlot(options, data, element);
}

export default function PerDayChart({ days }: { days: readonly DayCount[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let plot: uPlot | undefined;
    const resize = new ResizeObserver(() => plot?.setSize({ width: Math.max(240, element.clientWidth), height: 220 }));
    // In a task of its own, after the render that shows the stats: the first draw (axes, ticks,
    // text measured on a canvas) in that render's task would make it one long block.
    const draw = window.setTimeout(() => {
      plot = plotOf(element, days);
      resize.observe(element);
    });
    return () => {
      window.clearTimeout(draw);
      resize.disconnect();
      plot?.destroy();
    };
  }, [days]);
  return <div ref={box} className="per-day-chart" aria-hidden="true" />;
}
