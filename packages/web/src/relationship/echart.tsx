// One ECharts chart in a React component. Only the chart types and components the relationship
// dashboard draws are registered (tree-shaken `echarts/core`), so they ship in its lazy chunk
// and never in the first load.
import { BarChart, HeatmapChart, LineChart, TreemapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { use, type ComposeOption, type ECElementEvent } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, TreemapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useEChart } from '../charts/use-echart';

use([BarChart, HeatmapChart, LineChart, TreemapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | HeatmapSeriesOption | LineSeriesOption | TreemapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export interface EChartProps {
  option: ChartOption;
  /** What the chart shows, in words, for people who cannot see it. */
  description: string;
  height?: number;
  /** Called with the clicked item (data index, series index, name). */
  onPick?: (event: ECElementEvent) => void;
}

export function EChart({ option, description, height = 260, onPick }: EChartProps) {
  const pick = useRef(onPick);
  pick.current = onPick;
  const { element, chart } = useEChart((instance) => instance.on('click', (event) => pick.current?.(event as ECElementEvent)));

  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={element} role="img" aria-label={description} data-chart style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }} />;
}
