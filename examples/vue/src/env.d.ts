// The elements as Vue 3 global components for vue-tsc (attributes with their unions, events), generated from
// the custom-elements manifest. One line, once per app.
import type {} from '@xiaodian/elements/vue';
