// The host script of framework.html, written the way React, Vue, Svelte or
// Angular drive a custom element: create it, put it in the page, then set
// its `plan` property and `locale` attribute, and set them again when the
// reader changes the page's own controls. The element recalculates on each
// change and tells the page through its events.
import './tandem.js';

const goals = ([revenue, revenueActual], [pipeline, pipelineActual]) => [
  { id: 'revenue', name: 'New ARR', target: revenue, actual: revenueActual },
  { id: 'pipeline', name: 'Pipeline', target: pipeline, actual: pipelineActual },
];

const PLANS = {
  americas: {
    name: 'Americas: shared revenue',
    currency: 'USD',
    goals: goals(['2000000', '1850000'], ['6000000', '6600000']),
    teams: [
      { id: 'sales', name: 'Sales', targetIncentive: '120000.00', weights: { revenue: '0.7', pipeline: '0.3' } },
      { id: 'marketing', name: 'Marketing', targetIncentive: '60000.00', weights: { revenue: '0.5', pipeline: '0.5' } },
    ],
  },
  emea: {
    name: 'EMEA: shared revenue',
    currency: 'EUR',
    goals: goals(['1500000', '1620000.50'], ['4000000', '3700000']),
    teams: [
      { id: 'sales', name: 'Sales', targetIncentive: '90000.00', weights: { revenue: '0.6', pipeline: '0.4' } },
      { id: 'marketing', name: 'Marketing', targetIncentive: '45000.00', weights: { revenue: '0.5', pipeline: '0.5' } },
    ],
  },
};

const region = document.getElementById('region');
const locale = document.getElementById('locale');
const total = document.getElementById('total');
const problems = document.getElementById('problems');

const calculator = document.createElement('tandem-calculator');
calculator.id = 'calculator';
document.getElementById('mount').append(calculator);
calculator.plan = structuredClone(PLANS[region.value]);
calculator.setAttribute('locale', locale.value);

region.addEventListener('change', () => {
  calculator.plan = structuredClone(PLANS[region.value]);
});
locale.addEventListener('change', () => {
  calculator.setAttribute('locale', locale.value);
});
calculator.addEventListener('tandem-change', ({ detail: result }) => {
  total.textContent = new Intl.NumberFormat(locale.value, { style: 'currency', currency: result.currency }).format(result.total.payout);
  problems.textContent = '';
});
calculator.addEventListener('tandem-error', ({ detail: { errors } }) => {
  problems.textContent = `${errors.length} ${errors.length === 1 ? 'entry needs' : 'entries need'} fixing: ${errors[0].message}`;
});
