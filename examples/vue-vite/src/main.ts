/** The TEC widgets in a Vue 3 app: the tags registered once, then used in App.vue's template. */
import { createApp } from 'vue';
import '@tec/widgets/define';
import App from './App.vue';

createApp(App).mount('#app');
