// The elements' JSX typings for React 19: attributes, properties and `onxd-*` events, generated from the
// custom-elements manifest. One line, once per app.
import type {} from '@xiaodian/elements/react';
