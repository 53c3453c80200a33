// A bar chart of one value per category with ECharts. Only the bar chart, its grid and the
// tooltip are registered (tree-shaken `echarts/core`), so they ship in the home page's lazy
// chunk. A click anywhere in a category's column picks it: a small bar is as easy to hit as a
// tall one.
import { BarChart as EBarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useEChart } from '../charts/use-echart';

use([EBarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** The plot area inside the chart, in pixels (the browser tests aim at columns with it). */
export const BAR_GRID = { left: 72, right: 16, top: 16, bottom: 56 } as const;

export interface BarChartProps {
  categories: string[];
  values: number[];
  /** Axis and tooltip text for a value. */
  format: (value: number) => string;
  formatAxis?: (value: number) => string;
  /** What the chart shows, in words, for people who cannot see it. */
  description: string;
  height?: number;
  onPick?: (index: number) => void;
}

export function BarChart({ categories, values, format, formatAxis = format, description, height = 260, onPick }: BarChartProps) {
  const pick = useRef(onPick);
  pick.current = onPick;
  const { element, chart } = useEChart((instance) => {
    instance.getZr().on('click', (event) => {
      const point = [event.offsetX, event.offsetY];
      if (!pick.current || !instance.containPixel('grid', point)) return;
      // The category index under the pointer, in the chart's own coordinates (ECharts' documented idiom).
      const [value] = instance.convertFromPixel({ seriesIndex: 0 }, point) as number[];
      const index = Math.round(Number(value));
      if (Number.isInteger(index) && index >= 0) pick.current(index);
    });
  });

  // Each category's label gets the width of its column, so that on a phone they do not overlap.
  const [plotWidth, setPlotWidth] = useState<number>();
  useEffect(() => {
    const box = element.current!;
    const observer = new ResizeObserver(() => setPlotWidth(box.clientWidth - BAR_GRID.left - BAR_GRID.right));
    observer.observe(box);
    return () => observer.disconnect();
  }, [element]);
  const labelWidth = plotWidth ? Math.min(84, Math.max(32, Math.floor(plotWidth / Math.max(1, categories.length)) - 6)) : 84;

  const option = useMemo((): Option => ({
    animation: false,
    grid: { ...BAR_GRID },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => format(Number(value)) },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, width: labelWidth, overflow: 'truncate', hideOverlap: false, rotate: categories.length > 4 ? 25 : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatAxis(value) } },
    series: [{ type: 'bar', data: values, itemStyle: { color: '#4c6ef5' }, barMaxWidth: 56, showBackground: true, backgroundStyle: { color: 'rgba(76, 110, 245, 0.04)' } }],
  }), [categories, values, format, formatAxis, labelWidth]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} role="img" aria-label={description} data-chart style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }} />;
}
