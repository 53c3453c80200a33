import { linkTo } from './shared-fields.js';
import { choicesOf, withSystemFields } from './system-fields.js';

export const orders = withSystemFields({
  name: 'orders',
  labelSingular: 'Order',
  labelPlural: 'Orders',
  description: 'A purchase, with its lines: revenue and cost per product.',
  displayField: 'number',
  timeline: { at: 'orderedAt', title: 'number', kind: 'order' },
  fields: [
    { name: 'number', label: 'Number', type: 'text', isRequired: true, isUnique: true, isSearchable: true, isListed: true, maxLength: 64 },
    linkTo('people', 'person', 'Customer', { isListed: true }),
    linkTo('companies', 'company', 'Company'),
    { name: 'status', label: 'Status', type: 'select', choices: choicesOf('pending', 'paid', 'fulfilled', 'cancelled', 'refunded'), defaultValue: 'paid', isListed: true },
    { name: 'channel', label: 'Channel', type: 'select', choices: choicesOf('online', 'store', 'phone', 'partner', 'sales') },
    { name: 'orderedAt', label: 'Ordered at', type: 'datetime', isRequired: true, isListed: true },
    { name: 'currency', label: 'Currency', type: 'currencyCode', isRequired: true },
    {
      name: 'lines', label: 'Lines', type: 'collection',
      collection: {
        table: 'order_lines', parentColumn: 'order_id', maxItems: 500,
        fields: [
          linkTo('products', 'product', 'Product'),
          { name: 'description', label: 'Description', type: 'text', maxLength: 500 },
          { name: 'quantity', label: 'Quantity', type: 'number', min: 0, isRequired: true },
          { name: 'unitPrice', label: 'Unit price', type: 'currency', min: 0, isRequired: true },
          { name: 'unitCost', label: 'Unit cost', type: 'currency', min: 0 },
          { name: 'discount', label: 'Discount', type: 'currency', min: 0, description: 'Amount taken off this line.' },
        ],
      },
    },
    { name: 'subtotal', label: 'Subtotal', type: 'currency', isReadOnly: true, description: 'Σ quantity × unit price.' },
    { name: 'discountTotal', label: 'Discounts', type: 'currency', isReadOnly: true },
    { name: 'total', label: 'Total', type: 'currency', isReadOnly: true, isListed: true, description: 'Subtotal − discounts.' },
    { name: 'costTotal', label: 'Cost of goods', type: 'currency', isReadOnly: true, description: 'Σ quantity × unit cost.' },
    linkTo('campaigns', 'campaign', 'Campaign', { description: 'The campaign this order is attributed to.' }),
    linkTo('deals', 'deal', 'Deal'),
  ],
});
